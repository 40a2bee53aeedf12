import * as arrow from 'apache-arrow';
import { InvalidInputError } from '../errors.js';
import { type ColumnSink, columnSink } from './collect-arrow-table.js';
import type { DuckDb } from './duck-db.js';

/**
 * Streams any query's result as Arrow record batches of about `batchRows` rows (batches end on DuckDB chunk
 * boundaries, so may exceed it by < 2048), typed as {@link collectArrowTable} types them: memory stays
 * bounded by one batch whatever the result size. The query runs on a connection of its own.
 * @param batchRows Rows per batch; default 65,536.
 */
export async function* streamArrowBatches(
  db: DuckDb,
  sql: string,
  options: { batchRows?: number } = {},
): AsyncGenerator<arrow.RecordBatch> {
  const batchRows = options.batchRows ?? 65_536;
  if (!(batchRows > 0)) throw new InvalidInputError(`batchRows must be positive, got ${batchRows}`);
  const stream = await db.streamChunks(sql);
  // Batches end on the first chunk reaching batchRows: room for one more chunk means no sink ever grows.
  const capacity = batchRows + 2048;
  const newSinks = () =>
    stream.types.map((type, i) => columnSink(type.typeId, stream.names[i] ?? `#${i}`, capacity));
  let sinks: ColumnSink[] = newSinks();
  let schema: arrow.Schema | undefined;
  let rows = 0;
  const flush = (): arrow.RecordBatch => {
    const children = sinks.map((sink) => sink.finish());
    schema ??= new arrow.Schema(
      sinks.map((sink, i) => new arrow.Field(stream.names[i] ?? `#${i}`, sink.type, true)),
    );
    const data = arrow.makeData({
      type: new arrow.Struct(schema.fields),
      length: rows,
      nullCount: 0,
      children,
    });
    sinks = newSinks();
    rows = 0;
    return new arrow.RecordBatch(schema, data);
  };
  for await (const chunk of stream.chunks) {
    const count = chunk.rowCount;
    for (let c = 0; c < sinks.length; c++) sinks[c]?.append(chunk.getColumnVector(c), count);
    rows += count;
    if (rows >= batchRows) yield flush();
  }
  if (rows > 0) yield flush();
}
