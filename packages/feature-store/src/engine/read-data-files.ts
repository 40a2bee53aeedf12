import type { DuckDBDataChunk } from '@duckdb/node-api';
import * as arrow from 'apache-arrow';
import { InvalidInputError } from '../errors.js';
import type { NestedField } from '../iceberg/types.js';
import { type ColumnBuilder, readColumnType } from './column-builder.js';
import type { DuckDb } from './duck-db.js';
import { type ScanSqlOptions, scanSql } from './scan-sql.js';
import { quoteIdentifier } from './sql-quote.js';
import { StringArrayBuilder } from './string-array-builder.js';

/** Options of {@link readDataFiles}. */
export interface ReadDataFilesOptions extends ScanSqlOptions {
  db: DuckDb;
  /** Rows per record batch (batches end on DuckDB chunk boundaries, so may exceed it by < 2048); default 65536. */
  batchRows?: number;
}

/**
 * Reads a planned scan (data files with their deletes, see {@link scanSql}) as Arrow record batches of about
 * `batchRows` rows, streaming: memory stays bounded by one batch plus DuckDB's own buffers. Columns come in
 * the read schema's names and order (or `columns`), typed as {@link readColumnType} says.
 */
export async function* readDataFiles(options: ReadDataFilesOptions): AsyncGenerator<arrow.RecordBatch> {
  const batchRows = options.batchRows ?? 65_536;
  if (!(batchRows > 0)) throw new InvalidInputError(`batchRows must be positive, got ${batchRows}`);
  const { fields, arrowSchema, sql } = prepareRead(options);
  const types = fields.map((f) => readColumnType(f.type));
  const builders = types.map((t) => t.builder(batchRows + 2048));
  const stream = await options.db.streamChunks(sql);
  let rows = 0;
  for await (const chunk of stream.chunks) {
    appendChunk(builders, chunk);
    rows += chunk.rowCount;
    if (rows >= batchRows) {
      yield toRecordBatch(arrowSchema, builders, rows);
      rows = 0;
    }
  }
  if (rows > 0) yield toRecordBatch(arrowSchema, builders, rows);
}

/** Reads a planned scan into one Arrow table (see {@link readDataFiles}). */
export async function readDataFilesToTable(options: ReadDataFilesOptions): Promise<arrow.Table> {
  const batches: arrow.RecordBatch[] = [];
  for await (const batch of readDataFiles(options)) batches.push(batch);
  return batches.length > 0 ? new arrow.Table(batches) : new arrow.Table(prepareRead(options).arrowSchema);
}

/** A column read into plain JS arrays: typed arrays for numbers, dates and timestamps (null slots hold 0). */
export type ColumnValues =
  | Int32Array
  | BigInt64Array
  | Float32Array
  | Float64Array
  | (string | null)[]
  | (boolean | null)[]
  | (Uint8Array | null)[];

/** Result of {@link readColumns}. */
export interface ColumnArrays {
  rowCount: number;
  values: Record<string, ColumnValues>;
  /** Arrow-style validity bitmap (bit set = value present) per column that has nulls. */
  validity: Record<string, Uint8Array | undefined>;
}

/**
 * Reads a planned scan straight into one typed array per column (the hot path for feature matrices): int →
 * Int32Array, long/time/timestamp(tz) → BigInt64Array (µs), float → Float32Array, double/decimal →
 * Float64Array, date → Int32Array (days), strings → string arrays, booleans → boolean arrays.
 */
export async function readColumns(options: Omit<ReadDataFilesOptions, 'batchRows'>): Promise<ColumnArrays> {
  // Strings go straight from DuckDB's VARCHAR slots into JS strings (no UTF-8 bytes and Arrow in between).
  const { fields, sql } = prepareRead(options, { rawStrings: true });
  const builders = fields.map((f) =>
    f.type === 'string' ? new StringArrayBuilder() : readColumnType(f.type).builder(65_536),
  );
  const stream = await options.db.streamChunks(sql);
  let rowCount = 0;
  for await (const chunk of stream.chunks) {
    const rows = chunk.rowCount;
    for (let c = 0; c < builders.length; c++) builders[c]?.append(chunk.getColumnVector(c), rows);
    rowCount += rows;
  }
  const result: ColumnArrays = { rowCount, values: {}, validity: {} };
  fields.forEach((field, i) => {
    const builder = builders[i] as ColumnBuilder | StringArrayBuilder;
    if (builder instanceof StringArrayBuilder) {
      const { values, validity } = builder.finish();
      result.validity[field.name] = validity;
      result.values[field.name] = values;
      return;
    }
    const data = builder.finish();
    result.validity[field.name] = data.nullCount > 0 ? data.nullBitmap : undefined;
    result.values[field.name] = plainValues(data);
  });
  return result;
}

function prepareRead(
  options: ScanSqlOptions,
  read: { rawStrings?: boolean } = {},
): {
  fields: NestedField[];
  arrowSchema: arrow.Schema;
  sql: string;
} {
  const byName = new Map(options.schema.fields.map((f) => [f.name, f]));
  const fields = (options.columns ?? options.schema.fields.map((f) => f.name)).map((name) => {
    const field = byName.get(name);
    if (!field) throw new InvalidInputError(`column \`${name}\` is not in the table schema`, name);
    return field;
  });
  const arrowSchema = new arrow.Schema(
    fields.map((f) => new arrow.Field(f.name, readColumnType(f.type).arrowType, !f.required)),
  );
  const select = fields.map((f) => {
    const column = `t.${quoteIdentifier(f.name)}`;
    const expression = read.rawStrings && f.type === 'string' ? column : readColumnType(f.type).sql(column);
    return `${expression} AS ${quoteIdentifier(f.name)}`;
  });
  const sql = `SELECT ${select.join(', ') || '1'} FROM ${scanSql(options)} AS t`;
  return { fields, arrowSchema, sql };
}

function appendChunk(builders: ColumnBuilder[], chunk: DuckDBDataChunk): void {
  const rows = chunk.rowCount;
  for (let c = 0; c < builders.length; c++)
    (builders[c] as ColumnBuilder).append(chunk.getColumnVector(c), rows);
}

function toRecordBatch(schema: arrow.Schema, builders: ColumnBuilder[], rows: number): arrow.RecordBatch {
  const children = builders.map((b) => b.finish());
  const data = arrow.makeData({
    type: new arrow.Struct(schema.fields),
    length: rows,
    nullCount: 0,
    children,
  });
  return new arrow.RecordBatch(schema, data);
}

function plainValues(data: arrow.Data): ColumnValues {
  const type = data.type as arrow.DataType;
  if (arrow.DataType.isUtf8(type)) {
    const offsets = data.valueOffsets as Int32Array;
    const bytes = Buffer.from(data.values.buffer, data.values.byteOffset, data.values.byteLength);
    const out = new Array<string | null>(data.length);
    for (let i = 0; i < data.length; i++) {
      out[i] = data.getValid(i) ? bytes.toString('utf8', offsets[i], offsets[i + 1]) : null;
    }
    return out;
  }
  if (arrow.DataType.isBool(type) || arrow.DataType.isBinary(type)) {
    return [...arrow.makeVector(data)] as (boolean | null)[] | (Uint8Array | null)[];
  }
  return data.values as ColumnValues;
}
