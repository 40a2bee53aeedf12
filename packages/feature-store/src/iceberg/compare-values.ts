import type { IcebergValue } from './value.js';

/**
 * Orders two decoded values of the same Iceberg type the way Iceberg does: numbers and bigints numerically
 * (mixed `number`/`bigint` compared exactly; NaN above everything, -0 below +0), strings by Unicode code point
 * (= UTF-8 byte order), bytes unsigned lexicographically, false before true. Returns -1, 0 or 1.
 */
export function compareValues(a: IcebergValue, b: IcebergValue): -1 | 0 | 1 {
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b);
  if (a instanceof Uint8Array && b instanceof Uint8Array) return compareBytes(a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
  if ((typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint')) {
    return compareNumeric(a, b);
  }
  throw new TypeError(`cannot compare ${typeof a} with ${typeof b}`);
}

function compareNumeric(a: number | bigint, b: number | bigint): -1 | 0 | 1 {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : -1;
    if (a === 0 && b === 0) return Object.is(a, b) ? 0 : Object.is(a, -0) ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (typeof a === 'bigint') return negate(compareNumberBigint(b as number, a));
  return compareNumberBigint(a, b as bigint);
}

/** Exact comparison of a float with an integer (no rounding of the bigint). */
function compareNumberBigint(x: number, n: bigint): -1 | 0 | 1 {
  if (Number.isNaN(x)) return 1;
  if (x === Number.POSITIVE_INFINITY) return 1;
  if (x === Number.NEGATIVE_INFINITY) return -1;
  const floor = BigInt(Math.floor(x));
  if (floor < n) return -1;
  if (floor > n) return 1;
  return Number.isInteger(x) ? 0 : 1;
}

function negate(c: -1 | 0 | 1): -1 | 0 | 1 {
  return c === 0 ? 0 : c === 1 ? -1 : 1;
}

function compareStrings(a: string, b: string): -1 | 0 | 1 {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.codePointAt(i) as number;
    const cb = b.codePointAt(i) as number;
    if (ca !== cb) return ca < cb ? -1 : 1;
    if (ca > 0xffff) i++;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

function compareBytes(a: Uint8Array, b: Uint8Array): -1 | 0 | 1 {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}
