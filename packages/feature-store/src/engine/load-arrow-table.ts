import { DuckDBDataChunk, type DuckDBVector } from '@duckdb/node-api';
import * as arrow from 'apache-arrow';
import { InvalidInputError } from '../errors.js';
import type { DuckDb } from './duck-db.js';
import { quoteIdentifier } from './sql-quote.js';

/** Rows DuckDB takes per data chunk (its vector size). */
const CHUNK_ROWS = 2048;

type AnyData = arrow.Data<arrow.DataType>;
interface ColumnLoader {
  duckType: string;
  /** Writes rows `[start, start + count)` of `data` into `vector` (rows 0..count-1), nulls included. */
  fill(vector: DuckDBVector, data: AnyData, start: number, count: number): void;
}

/**
 * Copies an Arrow table into a new DuckDB temp table on the main connection, column by column: numeric, date
 * and µs-timestamp buffers are copied as typed arrays into DuckDB data chunks; strings are decoded once and
 * assigned per value. Timestamps of other units are converted to µs; a timezone-aware Arrow timestamp becomes
 * `TIMESTAMPTZ`. An Arrow type with no loader (lists, structs, decimals, ...) is an {@link InvalidInputError}
 * naming the column.
 */
export async function loadArrowTable(options: {
  db: DuckDb;
  table: arrow.Table;
  tableName: string;
}): Promise<void> {
  const { db, table, tableName } = options;
  const fields = table.schema.fields;
  const loaders = fields.map((field) => columnLoader(field));
  const columnsSql = fields.map((f, i) => `${quoteIdentifier(f.name)} ${loaders[i]?.duckType}`).join(', ');
  await db.run(`CREATE TEMP TABLE ${quoteIdentifier(tableName)} (${columnsSql})`);
  if (fields.length === 0) return;
  const appender = await db.connection.createAppender(tableName, 'main', 'temp');
  try {
    const types = fields.map((_, i) => appender.columnType(i));
    for (const batch of table.batches) {
      const columns = fields.map((_, i) => batch.getChildAt(i)?.data[0] as AnyData);
      for (let start = 0; start < batch.numRows; start += CHUNK_ROWS) {
        const count = Math.min(CHUNK_ROWS, batch.numRows - start);
        const chunk = DuckDBDataChunk.create(types, count);
        for (let c = 0; c < fields.length; c++) {
          const vector = chunk.getColumnVector(c);
          (loaders[c] as ColumnLoader).fill(vector, columns[c] as AnyData, start, count);
          vector.flush();
        }
        appender.appendDataChunk(chunk);
      }
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}

function columnLoader(field: arrow.Field): ColumnLoader {
  const type = field.type as arrow.DataType;
  if (arrow.DataType.isBool(type)) return { duckType: 'BOOLEAN', fill: fillBool };
  if (arrow.DataType.isInt(type)) {
    const width = { 8: 'TINYINT', 16: 'SMALLINT', 32: 'INTEGER', 64: 'BIGINT' }[type.bitWidth];
    return { duckType: `${type.isSigned ? '' : 'U'}${width}`, fill: fillTyped };
  }
  if (arrow.DataType.isFloat(type) && type.precision !== arrow.Precision.HALF) {
    return { duckType: type.precision === arrow.Precision.SINGLE ? 'FLOAT' : 'DOUBLE', fill: fillTyped };
  }
  if (arrow.DataType.isDate(type)) {
    return type.unit === arrow.DateUnit.DAY
      ? { duckType: 'DATE', fill: fillTyped }
      : { duckType: 'TIMESTAMP', fill: fillScaledBigInt(1000n, 1n) };
  }
  if (arrow.DataType.isTimestamp(type)) {
    const duckType = type.timezone ? 'TIMESTAMPTZ' : 'TIMESTAMP';
    switch (type.unit) {
      case arrow.TimeUnit.MICROSECOND:
        return { duckType, fill: fillTyped };
      case arrow.TimeUnit.SECOND:
        return { duckType, fill: fillScaledBigInt(1_000_000n, 1n) };
      case arrow.TimeUnit.MILLISECOND:
        return { duckType, fill: fillScaledBigInt(1000n, 1n) };
      case arrow.TimeUnit.NANOSECOND:
        return { duckType, fill: fillScaledBigInt(1n, 1000n) };
    }
  }
  if (arrow.DataType.isUtf8(type) || arrow.DataType.isLargeUtf8(type))
    return { duckType: 'VARCHAR', fill: fillUtf8 };
  if (
    arrow.DataType.isDictionary(type) &&
    (arrow.DataType.isUtf8(type.dictionary) || arrow.DataType.isLargeUtf8(type.dictionary))
  ) {
    return { duckType: 'VARCHAR', fill: fillDictionary };
  }
  throw new InvalidInputError(
    `column \`${field.name}\` has Arrow type ${String(type)}, which cannot be written; use a boolean, integer, float, date, timestamp or utf8 column`,
    field.name,
  );
}

type Items = { items: Int8Array | Int16Array | Int32Array | BigInt64Array | Float32Array | Float64Array };

function isValid(data: AnyData, row: number): boolean {
  const bitmap = data.nullBitmap;
  if (!bitmap || bitmap.length === 0 || data.nullCount === 0) return true;
  const bit = data.offset + row;
  return ((bitmap[bit >> 3] as number) & (1 << (bit & 7))) !== 0;
}

function applyNulls(vector: DuckDBVector, data: AnyData, start: number, count: number): void {
  if (data.nullCount === 0 || !data.nullBitmap || data.nullBitmap.length === 0) return;
  for (let i = 0; i < count; i++) if (!isValid(data, start + i)) vector.setItem(i, null);
}

function fillTyped(vector: DuckDBVector, data: AnyData, start: number, count: number): void {
  const values = data.values as Items['items'];
  const from = data.offset + start;
  // biome-ignore lint/suspicious/noExplicitAny: matching typed arrays (same element type) by construction
  (vector as unknown as Items).items.set(values.subarray(from, from + count) as any);
  applyNulls(vector, data, start, count);
}

function fillScaledBigInt(multiply: bigint, divide: bigint) {
  return (vector: DuckDBVector, data: AnyData, start: number, count: number): void => {
    const values = data.values as BigInt64Array;
    const items = (vector as unknown as { items: BigInt64Array }).items;
    for (let i = 0; i < count; i++) {
      const value = values[data.offset + start + i] as bigint;
      // Floor division so pre-1970 nanoseconds round down like positive ones.
      items[i] =
        divide === 1n ? value * multiply : value >= 0n ? value / divide : -((-value + divide - 1n) / divide);
    }
    applyNulls(vector, data, start, count);
  };
}

function fillBool(vector: DuckDBVector, data: AnyData, start: number, count: number): void {
  const bits = data.values as Uint8Array;
  for (let i = 0; i < count; i++) {
    const bit = data.offset + start + i;
    vector.setItem(
      i,
      isValid(data, start + i) ? ((bits[bit >> 3] as number) & (1 << (bit & 7))) !== 0 : null,
    );
  }
}

const decoder = new TextDecoder();

function fillUtf8(vector: DuckDBVector, data: AnyData, start: number, count: number): void {
  const bytes = data.values as Uint8Array;
  const offsets = data.valueOffsets as Int32Array | BigInt64Array;
  for (let i = 0; i < count; i++) {
    const row = data.offset + start + i;
    if (!isValid(data, start + i)) {
      vector.setItem(i, null);
      continue;
    }
    const from = Number(offsets[row]);
    vector.setItem(i, decoder.decode(bytes.subarray(from, Number(offsets[row + 1]))));
  }
}

const dictionaryCache = new WeakMap<object, (string | null)[]>();

function fillDictionary(vector: DuckDBVector, data: AnyData, start: number, count: number): void {
  const dictionary = data.dictionary as arrow.Vector;
  let strings = dictionaryCache.get(dictionary);
  if (!strings) {
    strings = dictionary.toArray() as (string | null)[];
    dictionaryCache.set(dictionary, strings);
  }
  const indices = data.values as Int32Array;
  for (let i = 0; i < count; i++) {
    const valid = isValid(data, start + i);
    vector.setItem(i, valid ? (strings[Number(indices[data.offset + start + i])] ?? null) : null);
  }
}
