import * as arrow from 'apache-arrow';
import { InvalidInputError } from '../errors.js';
import { type ColumnSink, columnSink } from './collect-arrow-table.js';
import type { DuckDb } from './duck-db.js';

/** Options of {@link streamArrowBatches}. */
export interface StreamArrowBatchesOptions {
  /** Rows per batch; default 65,536. */
  batchRows?: number;
  /**
   * Writes batch k + `recycle` into the buffers of batch k, so a long stream allocates `recycle` batches'
   * worth of memory instead of one batch's per batch (fresh buffers cost page faults and full garbage
   * collections). The consumer must be done with batch k before it asks for batch k + `recycle`: at most
   * `recycle` batches alive, the one being filled included. Default: never (each batch has its own).
   */
  recycle?: number;
}

/**
 * Streams any query's result as Arrow record batches of about `batchRows` rows (batches end on DuckDB chunk
 * boundaries, so may exceed it by < 2048), typed as {@link collectArrowTable} types them: memory stays
 * bounded by one batch whatever the result size. The query runs on a connection of its own.
 */
export async function* streamArrowBatches(
  db: DuckDb,
  sql: string,
  options: StreamArrowBatchesOptions = {},
): AsyncGenerator<arrow.RecordBatch> {
  const batchRows = options.batchRows ?? 65_536;
  if (!(batchRows > 0)) throw new InvalidInputError(`batchRows must be positive, got ${batchRows}`);
  const recycle = options.recycle ?? 0;
  if (!(Number.isSafeInteger(recycle) && (recycle === 0 || recycle >= 2)))
    throw new InvalidInputError(`recycle must be 0 (never) or an integer of at least 2, got ${recycle}`);
  const stream = await db.streamChunks(sql);
  // Batches end on the first chunk reaching batchRows: room for one more chunk means no sink ever grows.
  const capacity = batchRows + 2048;
  const newSinks = () =>
    stream.types.map((type, i) => columnSink(type.typeId, stream.names[i] ?? `#${i}`, capacity));
  const ring: ColumnSink[][] = [];
  let batchNumber = 0;
  // A batch's sinks are taken when its first chunk arrives, after the consumer asked for it.
  const takeSinks = (): ColumnSink[] => {
    if (recycle === 0) return newSinks();
    const slot = batchNumber % recycle;
    const kept = ring[slot];
    if (kept) {
      for (const sink of kept) sink.reset();
      return kept;
    }
    const fresh = newSinks();
    ring[slot] = fresh;
    return fresh;
  };
  let sinks: ColumnSink[] | undefined;
  let schema: arrow.Schema | undefined;
  let rows = 0;
  const flush = (filled: ColumnSink[]): arrow.RecordBatch => {
    const children = filled.map((sink) => sink.finish());
    schema ??= new arrow.Schema(
      filled.map((sink, i) => new arrow.Field(stream.names[i] ?? `#${i}`, sink.type, true)),
    );
    const data = arrow.makeData({
      type: new arrow.Struct(schema.fields),
      length: rows,
      nullCount: 0,
      children,
    });
    sinks = undefined;
    rows = 0;
    batchNumber++;
    return new arrow.RecordBatch(schema, data);
  };
  for await (const chunk of stream.chunks) {
    const count = chunk.rowCount;
    sinks ??= takeSinks();
    for (let c = 0; c < sinks.length; c++) sinks[c]?.append(chunk.getColumnVector(c), count);
    rows += count;
    if (rows >= batchRows) yield flush(sinks);
  }
  if (sinks && rows > 0) yield flush(sinks);
}
