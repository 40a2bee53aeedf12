import type { FeatureColumns, FittedPreprocessor } from '@fti/model-runtime';
import * as arrow from 'apache-arrow';
import { Utf8Interner } from './utf8-interner.js';

/** Buffers a {@link readFeatureColumns} call reuses across batches (one per feature column). */
export class FeatureBuffers {
  private readonly numbers = new Map<string, Float64Array>();
  private readonly strings = new Map<string, (string | null)[]>();
  readonly interners = new Map<string, Utf8Interner>();

  /** A Float64Array of `rows` values for `column`, reused (and grown) across calls. */
  numeric(column: string, rows: number): Float64Array {
    let buffer = this.numbers.get(column);
    if (!buffer || buffer.length < rows) {
      buffer = new Float64Array(Math.max(rows, 1024));
      this.numbers.set(column, buffer);
    }
    return buffer.subarray(0, rows);
  }

  /** A string array of `rows` slots for `column`, reused across calls. */
  categorical(column: string, rows: number): (string | null)[] {
    let buffer = this.strings.get(column);
    if (!buffer) {
      buffer = [];
      this.strings.set(column, buffer);
    }
    buffer.length = rows;
    return buffer;
  }

  interner(column: string): Utf8Interner {
    let interner = this.interners.get(column);
    if (!interner) {
      interner = new Utf8Interner();
      this.interners.set(column, interner);
    }
    return interner;
  }
}

/**
 * The preprocessor's input columns for the selected rows of a batch, read from the Arrow buffers: numeric
 * features as `Float64Array` (nulls → NaN; integers, bigints below 2^53 and booleans as numbers; a
 * null-free float64 column of a whole batch is passed without copying), one-hot features as strings (`null`
 * for missing; UTF-8 values are decoded once per distinct value). Arrow-js slices value and offset buffers
 * to a data's first row; validity and boolean bits keep `data.offset`.
 * @param rows Row indices of the batch to take, in order; `undefined` for every row.
 * @param codes One-hot columns read as Int32 codes (see `categoryCodes`), with the value of each code.
 */
export function readFeatureColumns(
  preprocessor: FittedPreprocessor,
  column: (name: string) => arrow.Vector,
  batchRows: number,
  rows: Uint32Array | undefined,
  buffers: FeatureBuffers = new FeatureBuffers(),
  codes: ReadonlyMap<string, readonly (string | null)[]> = new Map(),
): FeatureColumns {
  const out: Record<string, Float64Array | (string | null)[]> = {};
  const count = rows ? rows.length : batchRows;
  for (const feature of preprocessor.features) {
    if (out[feature.column] !== undefined) continue;
    const data = column(feature.column).data[0] as arrow.Data;
    const values = codes.get(feature.column);
    out[feature.column] =
      feature.kind === 'numeric'
        ? readNumeric(data, rows, () => buffers.numeric(feature.column, count))
        : values
          ? readCoded(data, rows, values, buffers.categorical(feature.column, count))
          : readCategorical(data, rows, buffers.categorical(feature.column, count), () =>
              buffers.interner(feature.column),
            );
  }
  return out;
}

function readNumeric(
  data: arrow.Data,
  rows: Uint32Array | undefined,
  buffer: () => Float64Array,
): Float64Array {
  const type = data.type as arrow.DataType;
  const offset = data.offset;
  if (
    arrow.DataType.isFloat(type) &&
    type.precision === arrow.Precision.DOUBLE &&
    !rows &&
    data.nullCount === 0
  )
    return (data.values as Float64Array).subarray(0, data.length);
  const out = buffer();
  const count = out.length;
  const at = rows ? (i: number) => rows[i]! : (i: number) => i;
  if (arrow.DataType.isInt(type) && type.bitWidth === 64) {
    const values = data.values as BigInt64Array | BigUint64Array;
    const words = new Int32Array(values.buffer, values.byteOffset, values.length * 2);
    const signed = type.isSigned;
    for (let i = 0; i < count; i++) {
      const r = at(i);
      const hi = words[2 * r + 1]!;
      out[i] = (signed ? hi : hi >>> 0) * 4294967296 + (words[2 * r]! >>> 0);
    }
  } else if (
    arrow.DataType.isInt(type) ||
    (arrow.DataType.isFloat(type) && type.precision !== arrow.Precision.HALF)
  ) {
    const values = data.values as Float64Array | Float32Array | Int32Array;
    for (let i = 0; i < count; i++) out[i] = values[at(i)]!;
  } else if (arrow.DataType.isBool(type)) {
    const bits = data.values as Uint8Array;
    for (let i = 0; i < count; i++) {
      const bit = offset + at(i);
      out[i] = (bits[bit >> 3]! >> (bit & 7)) & 1;
    }
  } else {
    const vector = arrow.makeVector(data);
    for (let i = 0; i < count; i++) {
      const v = vector.get(at(i));
      out[i] = v === null || v === undefined ? Number.NaN : Number(v);
    }
    return out;
  }
  const bitmap = data.nullBitmap;
  if (data.nullCount > 0 && bitmap && bitmap.length > 0)
    for (let i = 0; i < count; i++) {
      const bit = offset + at(i);
      if (((bitmap[bit >> 3]! >> (bit & 7)) & 1) === 0) out[i] = Number.NaN;
    }
  return out;
}

/** A column of Int32 codes (never null) as the values they stand for. */
function readCoded(
  data: arrow.Data,
  rows: Uint32Array | undefined,
  values: readonly (string | null)[],
  out: (string | null)[],
): (string | null)[] {
  const codes = data.values as Int32Array;
  const count = out.length;
  if (rows) for (let i = 0; i < count; i++) out[i] = values[codes[rows[i]!]!] ?? null;
  else for (let i = 0; i < count; i++) out[i] = values[codes[i]!] ?? null;
  return out;
}

function readCategorical(
  data: arrow.Data,
  rows: Uint32Array | undefined,
  out: (string | null)[],
  interner: () => Utf8Interner,
): (string | null)[] {
  const type = data.type as arrow.DataType;
  const count = out.length;
  const at = rows ? (i: number) => rows[i]! : (i: number) => i;
  const bitmap = data.nullCount > 0 && data.nullBitmap && data.nullBitmap.length > 0 ? data.nullBitmap : null;
  const valid = (row: number) => {
    if (!bitmap) return true;
    const bit = data.offset + row;
    return ((bitmap[bit >> 3]! >> (bit & 7)) & 1) === 1;
  };
  if (arrow.DataType.isUtf8(type)) {
    const strings = interner();
    const bytes = data.values as Uint8Array;
    const offsets = data.valueOffsets as Int32Array;
    for (let i = 0; i < count; i++) {
      const row = at(i);
      out[i] = valid(row) ? strings.intern(bytes, offsets[row]!, offsets[row + 1]!) : null;
    }
    return out;
  }
  const vector = arrow.makeVector(data);
  for (let i = 0; i < count; i++) {
    const v = vector.get(at(i));
    out[i] = v === null || v === undefined ? null : String(v);
  }
  return out;
}
