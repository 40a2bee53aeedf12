import type { DuckDBBlobVector, DuckDBVector } from '@duckdb/node-api';
import * as arrow from 'apache-arrow';
import { UnsupportedTableError } from '../errors.js';
import type { IcebergType } from '../iceberg/types.js';

type Fixed = Int32Array | BigInt64Array | Float32Array | Float64Array;

/** Accumulates DuckDB vectors of one column into one Arrow `Data` (typed-array copies, no per-value objects). */
export interface ColumnBuilder {
  readonly arrowType: arrow.DataType;
  /** Rows appended since the last {@link ColumnBuilder.finish}. */
  readonly length: number;
  /** Appends the first `rows` rows of a DuckDB vector. */
  append(vector: DuckDBVector, rows: number): void;
  /** Returns the rows appended so far as Arrow data and starts over empty. */
  finish(): arrow.Data;
}

/** How a column of an Iceberg type is selected (`sql`) and built into Arrow for a read. */
export interface ReadColumnType {
  arrowType: arrow.DataType;
  /** Wraps a column expression into what the builder reads (strings as UTF-8 bytes, decimals as DOUBLE). */
  sql(column: string): string;
  builder(capacity: number): ColumnBuilder;
}

/**
 * The Arrow type and builder for reading an Iceberg column: int → Int32, long → Int64, float → Float32, double
 * → Float64, date → DateDay, time → TimeMicrosecond, timestamp → TimestampMicrosecond, timestamptz →
 * TimestampMicrosecond('UTC'), string and uuid → Utf8, boolean → Bool, binary/fixed → Binary. Decimals read
 * as Float64 (Arrow JS has no convenient decimal arithmetic); nested types as their Utf8 text.
 */
export function readColumnType(type: IcebergType): ReadColumnType {
  const id = (c: string): string => c;
  switch (type) {
    case 'int':
      return fixed(new arrow.Int32(), Int32Array, id);
    case 'long':
      return fixed(new arrow.Int64(), BigInt64Array, id);
    case 'float':
      return fixed(new arrow.Float32(), Float32Array, id);
    case 'double':
      return fixed(new arrow.Float64(), Float64Array, id);
    case 'date':
      return fixed(new arrow.DateDay(), Int32Array, id);
    case 'time':
      return fixed(new arrow.TimeMicrosecond(), BigInt64Array, id);
    case 'timestamp':
      return fixed(new arrow.TimestampMicrosecond(), BigInt64Array, id);
    case 'timestamptz':
      return fixed(new arrow.TimestampMicrosecond('UTC'), BigInt64Array, id);
    case 'boolean':
      return { arrowType: new arrow.Bool(), sql: id, builder: (capacity) => new BoolBuilder(capacity) };
    case 'string':
      return bytes(new arrow.Utf8(), (c) => `encode(${c})`);
    case 'uuid':
      return bytes(new arrow.Utf8(), (c) => `encode(CAST(${c} AS VARCHAR))`);
    case 'binary':
      return bytes(new arrow.Binary(), id);
  }
  if (typeof type === 'string' && type.startsWith('decimal')) {
    return fixed(new arrow.Float64(), Float64Array, (c) => `CAST(${c} AS DOUBLE)`);
  }
  if (typeof type === 'string' && type.startsWith('fixed')) return bytes(new arrow.Binary(), id);
  if (typeof type === 'object') return bytes(new arrow.Utf8(), (c) => `encode(CAST(${c} AS VARCHAR))`);
  throw new UnsupportedTableError(`Iceberg type \`${String(type)}\` cannot be read`);
}

function fixed(
  arrowType: arrow.DataType,
  ArrayType: { new (length: number): Fixed },
  sql: (c: string) => string,
): ReadColumnType {
  return { arrowType, sql, builder: (capacity) => new FixedBuilder(arrowType, ArrayType, capacity) };
}

function bytes(arrowType: arrow.Utf8 | arrow.Binary, sql: (c: string) => string): ReadColumnType {
  return { arrowType, sql, builder: (capacity) => new BytesBuilder(arrowType, capacity) };
}

const POPCOUNT = Uint8Array.from({ length: 256 }, (_, byte) => {
  let count = 0;
  for (let b = byte; b > 0; b >>= 1) count += b & 1;
  return count;
});

/** Arrow-style validity bitmap (LSB first), growable; `nulls` counts cleared bits. */
class Validity {
  bits: Uint8Array;
  nulls = 0;
  constructor(capacity: number) {
    this.bits = new Uint8Array(Math.ceil(capacity / 8));
  }

  /** Copies the validity of `rows` rows of `vector` to bit positions `[at, at + rows)`. */
  append(vector: DuckDBVector, at: number, rows: number): void {
    const need = Math.ceil((at + rows) / 8);
    if (need > this.bits.length) {
      const grown = new Uint8Array(Math.max(need, this.bits.length * 2));
      grown.set(this.bits);
      this.bits = grown;
    }
    const source = validityBytes(vector);
    const bits = this.bits;
    if (at % 8 === 0) {
      // Byte-aligned (every full DuckDB chunk): copy or fill whole bytes, then the odd tail bits.
      const whole = rows >> 3;
      const first = at >> 3;
      if (source === null) bits.fill(0xff, first, first + whole);
      else {
        bits.set(source.subarray(0, whole), first);
        for (let b = 0; b < whole; b++) this.nulls += 8 - (POPCOUNT[source[b] as number] as number);
      }
      for (let i = whole * 8; i < rows; i++)
        this.setBit(at + i, source === null || (((source[i >> 3] as number) >> (i & 7)) & 1) === 1);
      return;
    }
    for (let i = 0; i < rows; i++)
      this.setBit(at + i, source === null || (((source[i >> 3] as number) >> (i & 7)) & 1) === 1);
  }

  private setBit(bit: number, valid: boolean): void {
    if (valid) this.bits[bit >> 3] = (this.bits[bit >> 3] as number) | (1 << (bit & 7));
    else this.nulls++;
  }

  /** Hands the bitmap over (or undefined when no null) and starts a new one. */
  take(length: number): Uint8Array | undefined {
    const bits = this.nulls > 0 ? this.bits.slice(0, Math.ceil(length / 8)) : undefined;
    this.bits.fill(0);
    this.nulls = 0;
    return bits;
  }
}

/**
 * The validity bytes of a DuckDB vector (LSB-first bits, like Arrow), or null when every row is valid. Reads
 * the node-api vector's own copy; falls back to per-row checks if that internal shape ever changes.
 */
export function validityBytes(vector: DuckDBVector): Uint8Array | null {
  const validity = (vector as unknown as { validity?: { data?: BigUint64Array | null; offset?: number } })
    .validity;
  if (validity && validity.offset === 0 && validity.data !== undefined) {
    const data = validity.data;
    return data === null ? null : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  }
  const rows = vector.itemCount;
  const bytes = new Uint8Array(Math.ceil(rows / 8));
  for (let i = 0; i < rows; i++)
    if (vector.getItem(i) !== null) bytes[i >> 3] = (bytes[i >> 3] as number) | (1 << (i & 7));
  return bytes;
}

class FixedBuilder implements ColumnBuilder {
  length = 0;
  private values: Fixed;
  private readonly validity: Validity;
  constructor(
    readonly arrowType: arrow.DataType,
    private readonly ArrayType: { new (length: number): Fixed },
    capacity: number,
  ) {
    this.values = new ArrayType(capacity);
    this.validity = new Validity(capacity);
  }

  append(vector: DuckDBVector, rows: number): void {
    const items = (vector as unknown as { items: Fixed }).items;
    if (this.length + rows > this.values.length) {
      const grown = new this.ArrayType(Math.max(this.length + rows, this.values.length * 2));
      grown.set(this.values as never);
      this.values = grown;
    }
    this.values.set((rows === items.length ? items : items.subarray(0, rows)) as never, this.length);
    const nullsBefore = this.validity.nulls;
    this.validity.append(vector, this.length, rows);
    // DuckDB leaves arbitrary bytes under nulls: zero them so plain-array readers see 0, deterministically.
    if (this.validity.nulls > nullsBefore) {
      const bits = this.validity.bits;
      const zero = (this.values instanceof BigInt64Array ? 0n : 0) as never;
      for (let bit = this.length; bit < this.length + rows; bit++) {
        if (!((bits[bit >> 3] as number) & (1 << (bit & 7)))) this.values[bit] = zero;
      }
    }
    this.length += rows;
  }

  finish(): arrow.Data {
    const length = this.length;
    const nullCount = this.validity.nulls;
    const nullBitmap = this.validity.take(length);
    const data = this.values.slice(0, length);
    this.length = 0;
    return arrow.makeData({
      type: this.arrowType as arrow.Int32,
      length,
      nullCount,
      nullBitmap,
      data: data as never,
    });
  }
}

class BoolBuilder implements ColumnBuilder {
  readonly arrowType = new arrow.Bool();
  length = 0;
  private values: Uint8Array;
  private readonly validity: Validity;
  constructor(capacity: number) {
    this.values = new Uint8Array(Math.ceil(capacity / 8));
    this.validity = new Validity(capacity);
  }

  append(vector: DuckDBVector, rows: number): void {
    const need = Math.ceil((this.length + rows) / 8);
    if (need > this.values.length) {
      const grown = new Uint8Array(Math.max(need, this.values.length * 2));
      grown.set(this.values);
      this.values = grown;
    }
    const view = (vector as unknown as { dataView: DataView }).dataView;
    const source = new Uint8Array(view.buffer, view.byteOffset, rows);
    const values = this.values;
    for (let i = 0; i < rows; i++) {
      const bit = this.length + i;
      if (source[i]) values[bit >> 3] = (values[bit >> 3] as number) | (1 << (bit & 7));
    }
    this.validity.append(vector, this.length, rows);
    this.length += rows;
  }

  finish(): arrow.Data {
    const length = this.length;
    const nullCount = this.validity.nulls;
    const nullBitmap = this.validity.take(length);
    const data = this.values.slice(0, Math.ceil(length / 8));
    this.values.fill(0);
    this.length = 0;
    return arrow.makeData({ type: this.arrowType, length, nullCount, nullBitmap, data });
  }
}

class BytesBuilder implements ColumnBuilder {
  length = 0;
  private offsets: Int32Array;
  private data: Uint8Array;
  private byteLength = 0;
  private readonly validity: Validity;
  constructor(
    readonly arrowType: arrow.Utf8 | arrow.Binary,
    capacity: number,
  ) {
    this.offsets = new Int32Array(capacity + 1);
    this.data = new Uint8Array(capacity * 8);
    this.validity = new Validity(capacity);
  }

  append(vector: DuckDBVector, rows: number): void {
    if (this.length + rows + 1 > this.offsets.length) {
      const grown = new Int32Array(Math.max(this.length + rows + 1, this.offsets.length * 2));
      grown.set(this.offsets);
      this.offsets = grown;
    }
    this.validity.append(vector, this.length, rows);
    const blobs = vector as DuckDBBlobVector;
    const offsets = this.offsets;
    let at = this.byteLength;
    for (let i = 0; i < rows; i++) {
      const item = blobs.getItemBytes(i);
      if (item !== null) {
        const size = item.length;
        if (at + size > this.data.length) this.grow(at, at + size);
        const data = this.data;
        if (size <= 16) for (let b = 0; b < size; b++) data[at + b] = item[b] as number;
        else data.set(item, at);
        at += size;
      }
      offsets[this.length + i + 1] = at;
    }
    this.byteLength = at;
    this.length += rows;
  }

  /** Grows the byte buffer to at least `need`, keeping the `used` bytes written so far. */
  private grow(used: number, need: number): void {
    const grown = new Uint8Array(Math.max(need, this.data.length * 2));
    grown.set(this.data.subarray(0, used));
    this.data = grown;
  }

  finish(): arrow.Data {
    const length = this.length;
    const nullCount = this.validity.nulls;
    const nullBitmap = this.validity.take(length);
    const valueOffsets = this.offsets.slice(0, length + 1);
    const data = this.data.slice(0, this.byteLength);
    this.length = 0;
    this.byteLength = 0;
    this.offsets[0] = 0;
    return arrow.makeData({
      type: this.arrowType as arrow.Utf8,
      length,
      nullCount,
      nullBitmap,
      valueOffsets,
      data,
    });
  }
}
