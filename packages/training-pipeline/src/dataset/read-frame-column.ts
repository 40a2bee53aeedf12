/** The part of an Arrow vector this module reads: length and per-row values. */
export interface FrameVector {
  readonly length: number;
  get(index: number): unknown;
}

/**
 * A numeric view of one column: numbers as they are, bigint and `Date` as numbers (dates in epoch ms),
 * booleans as 0/1, nulls as NaN.
 */
export function readNumericFrameColumn(vector: FrameVector): Float64Array {
  const out = new Float64Array(vector.length);
  for (let i = 0; i < out.length; i++) out[i] = toNumber(vector.get(i));
  return out;
}

/** A categorical view of one column: strings (numbers stringified), `null` for missing. */
export function readStringFrameColumn(vector: FrameVector): (string | null)[] {
  const out = new Array<string | null>(vector.length);
  for (let i = 0; i < out.length; i++) {
    const v = vector.get(i);
    out[i] = v === null || v === undefined ? null : String(v);
  }
  return out;
}

/** One value as a number: NaN for null/undefined. */
export function toNumber(value: unknown): number {
  if (value === null || value === undefined) return Number.NaN;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.getTime();
  return Number(value);
}
