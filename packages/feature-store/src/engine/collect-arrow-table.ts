import { DuckDBBlobVector, type DuckDBConnection, DuckDBTypeId, type DuckDBVector } from '@duckdb/node-api';
import * as arrow from 'apache-arrow';
import { InvalidInputError } from '../errors.js';

type Numbers = Int8Array | Int16Array | Int32Array | BigInt64Array | Uint8Array | Uint16Array | Uint32Array;
type NumberArray = Numbers | BigUint64Array | Float32Array | Float64Array;
type TypedCtor = { new (length: number): NumberArray };

/** Collects one DuckDB result column's vectors into one Arrow column. */
export interface ColumnSink {
  type: arrow.DataType;
  append(vector: DuckDBVector, count: number): void;
  finish(): arrow.Data;
  /** Empties the sink for the next column, keeping its buffers: the Data `finish` returned is overwritten. */
  reset(): void;
}

/**
 * Runs a query and collects its whole result as an Arrow table, copying DuckDB's fixed-width vectors as typed
 * arrays (booleans, integers, floats, DATE as DateDay, timestamps in their unit, TIMESTAMPTZ as UTC) and
 * VARCHAR as Utf8. Another column type is an InvalidInputError naming the column (cast it in the query).
 */
export async function collectArrowTable(connection: DuckDBConnection, sql: string): Promise<arrow.Table> {
  const result = await connection.stream(sql);
  const names = result.columnNames();
  const sinks = result.columnTypes().map((type, i) => columnSink(type.typeId, names[i] ?? `#${i}`));
  let length = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const count = chunk.rowCount;
    sinks.forEach((sink, c) => {
      sink.append(chunk.getColumnVector(c), count);
    });
    length += count;
  }
  const datas = sinks.map((sink) => sink.finish());
  const fields = sinks.map((sink, i) => new arrow.Field(names[i] ?? `#${i}`, sink.type, true));
  const struct = arrow.makeData({ type: new arrow.Struct(fields), length, nullCount: 0, children: datas });
  return new arrow.Table([new arrow.RecordBatch(new arrow.Schema(fields), struct)]);
}

/**
 * A fresh {@link ColumnSink} for a DuckDB column type; an unsupported type is an InvalidInputError.
 * @param capacity Rows to allocate for up front (a batch's rows: no growing and copying); default 4,096.
 */
export function columnSink(typeId: DuckDBTypeId, column: string, capacity = 4096): ColumnSink {
  const fixedSink = (type: arrow.DataType, Ctor: TypedCtor) => fixedSinkOf(type, Ctor, capacity);
  switch (typeId) {
    case DuckDBTypeId.BOOLEAN:
      return booleanSink();
    case DuckDBTypeId.TINYINT:
      return fixedSink(new arrow.Int8(), Int8Array);
    case DuckDBTypeId.SMALLINT:
      return fixedSink(new arrow.Int16(), Int16Array);
    case DuckDBTypeId.INTEGER:
      return fixedSink(new arrow.Int32(), Int32Array);
    case DuckDBTypeId.BIGINT:
      return fixedSink(new arrow.Int64(), BigInt64Array);
    case DuckDBTypeId.UTINYINT:
      return fixedSink(new arrow.Uint8(), Uint8Array);
    case DuckDBTypeId.USMALLINT:
      return fixedSink(new arrow.Uint16(), Uint16Array);
    case DuckDBTypeId.UINTEGER:
      return fixedSink(new arrow.Uint32(), Uint32Array);
    case DuckDBTypeId.UBIGINT:
      return fixedSink(new arrow.Uint64(), BigUint64Array);
    case DuckDBTypeId.FLOAT:
      return fixedSink(new arrow.Float32(), Float32Array);
    case DuckDBTypeId.DOUBLE:
      return fixedSink(new arrow.Float64(), Float64Array);
    case DuckDBTypeId.DATE:
      return fixedSink(new arrow.DateDay(), Int32Array);
    case DuckDBTypeId.TIMESTAMP:
      return fixedSink(new arrow.TimestampMicrosecond(), BigInt64Array);
    case DuckDBTypeId.TIMESTAMP_TZ:
      return fixedSink(new arrow.TimestampMicrosecond('UTC'), BigInt64Array);
    case DuckDBTypeId.TIMESTAMP_MS:
      return fixedSink(new arrow.TimestampMillisecond(), BigInt64Array);
    case DuckDBTypeId.TIMESTAMP_S:
      return fixedSink(new arrow.TimestampSecond(), BigInt64Array);
    case DuckDBTypeId.TIMESTAMP_NS:
      return fixedSink(new arrow.TimestampNanosecond(), BigInt64Array);
    case DuckDBTypeId.VARCHAR:
      return utf8Sink();
    default:
      throw new InvalidInputError(
        `column \`${column}\` has DuckDB type ${DuckDBTypeId[typeId]}, which has no Arrow conversion here; cast it to a boolean, number, date, timestamp or VARCHAR in the query`,
        column,
      );
  }
}

/** Validity bits in Arrow's layout (LSB first); none allocated while every row so far is valid. */
class ValiditySink {
  private bits: Uint8Array | null = null;
  private length = 0;
  nullCount = 0;

  append(vector: DuckDBVector, count: number): void {
    const { data, offset } = (
      vector as unknown as { validity: { data: BigUint64Array | null; offset: number } }
    ).validity;
    const start = this.length;
    this.length += count;
    if (!data && !this.bits) return;
    const bits = this.grow(start);
    if (!data) {
      setValid(bits, start, count);
      return;
    }
    // DuckDB's 64-bit validity words read as bytes on a little-endian host: bit i is bit (i & 7) of byte i >> 3.
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    for (let i = 0; i < count; i++) {
      const bit = offset + i;
      const at = start + i;
      if (((bytes[bit >> 3] as number) >> (bit & 7)) & 1)
        bits[at >> 3] = (bits[at >> 3] as number) | (1 << (at & 7));
      else this.nullCount++;
    }
  }

  /** Makes room for `this.length` rows; on first use marks the `validBefore` rows before it valid. */
  private grow(validBefore: number): Uint8Array {
    const need = (this.length + 7) >> 3;
    if (!this.bits) {
      this.bits = new Uint8Array(Math.max(need * 2, 256));
      setValid(this.bits, 0, validBefore);
    } else if (this.bits.length < need) {
      const grown = new Uint8Array(need * 2);
      grown.set(this.bits);
      this.bits = grown;
    }
    return this.bits;
  }

  finish(length: number): Uint8Array | undefined {
    return this.bits ? this.bits.subarray(0, (length + 7) >> 3) : undefined;
  }

  /** Back to no rows; the bits are kept (zeroed), so a later null costs no allocation. */
  reset(): void {
    this.bits?.fill(0, 0, (this.length + 7) >> 3);
    this.length = 0;
    this.nullCount = 0;
  }
}

function setValid(bits: Uint8Array, start: number, count: number): void {
  for (let at = start; at < start + count; at++) bits[at >> 3] = (bits[at >> 3] as number) | (1 << (at & 7));
}

function fixedSinkOf(type: arrow.DataType, Ctor: TypedCtor, capacity: number): ColumnSink {
  let values = new Ctor(capacity);
  let length = 0;
  const validity = new ValiditySink();
  return {
    type,
    append(vector, count) {
      const items = (vector as unknown as { items: NumberArray }).items;
      if (values.length < length + count) {
        const grown = new Ctor(Math.max(length + count, values.length * 2));
        // biome-ignore lint/suspicious/noExplicitAny: same element type by construction
        grown.set(values as any);
        values = grown;
      }
      // biome-ignore lint/suspicious/noExplicitAny: same element type by construction
      values.set(items.subarray(0, count) as any, length);
      validity.append(vector, count);
      length += count;
    },
    finish() {
      return arrow.makeData({
        type,
        length,
        nullCount: validity.nullCount,
        data: values.subarray(0, length),
        nullBitmap: validity.finish(length),
      } as never);
    },
    reset() {
      length = 0;
      validity.reset();
    },
  };
}

function booleanSink(): ColumnSink {
  const values: (boolean | null)[] = [];
  return {
    type: new arrow.Bool(),
    append(vector, count) {
      for (let i = 0; i < count; i++) values.push(vector.getItem(i) as boolean | null);
    },
    finish() {
      return arrow.vectorFromArray(values, new arrow.Bool()).data[0] as arrow.Data;
    },
    reset() {
      values.length = 0;
    },
  };
}

// VARCHAR and BLOB vectors share their layout (16-byte string structs, pointers for long values): reading the
// raw UTF-8 bytes skips decoding each value to a JS string and encoding it again for Arrow.
const itemBytes = DuckDBBlobVector.prototype.getItemBytes as (
  this: DuckDBVector,
  index: number,
) => Uint8Array | null;

function utf8Sink(): ColumnSink {
  let offsets = new Int32Array(4097);
  let data = new Uint8Array(65536);
  let length = 0;
  let byteLength = 0;
  const validity = new ValiditySink();
  return {
    type: new arrow.Utf8(),
    append(vector, count) {
      if (offsets.length < length + count + 1) {
        const grown = new Int32Array(Math.max(length + count + 1, offsets.length * 2));
        grown.set(offsets);
        offsets = grown;
      }
      validity.append(vector, count);
      for (let i = 0; i < count; i++) {
        const bytes = itemBytes.call(vector, i);
        if (bytes !== null) {
          if (byteLength + bytes.length > data.length) {
            const grown = new Uint8Array(Math.max(byteLength + bytes.length, data.length * 2));
            grown.set(data.subarray(0, byteLength));
            data = grown;
          }
          data.set(bytes, byteLength);
          byteLength += bytes.length;
        }
        offsets[length + i + 1] = byteLength;
      }
      length += count;
    },
    finish() {
      return arrow.makeData({
        type: new arrow.Utf8(),
        length,
        nullCount: validity.nullCount,
        nullBitmap: validity.finish(length),
        valueOffsets: offsets.subarray(0, length + 1),
        data: data.subarray(0, byteLength),
      });
    },
    reset() {
      length = 0;
      byteLength = 0;
      validity.reset();
    },
  };
}
