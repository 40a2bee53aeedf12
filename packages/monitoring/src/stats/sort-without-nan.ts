/** A sample with NaN removed, sorted ascending. */
export interface SortedSample {
  /** The non-NaN values in ascending order (−0 before +0, infinities at the ends). */
  sorted: Float64Array;
  /** How many NaN values were dropped. */
  nanCount: number;
}

const RADIX_MIN_LENGTH = 1024;
const DIGIT_BITS = 16;
const BUCKETS = 1 << DIGIT_BITS;

/**
 * Drops NaN and sorts numerically. Small inputs use `Float64Array.prototype.sort` (numeric); larger ones an
 * LSD radix sort on the IEEE-754 bit patterns mapped to unsigned order (four 16-bit passes, skipping passes
 * whose digit is constant), which orders exactly like `Float64Array.prototype.sort` and is about 2x faster
 * on a million values. The input is never modified.
 */
export function sortWithoutNaN(values: Float64Array): SortedSample {
  const n = values.length;
  let nanCount = 0;
  for (let i = 0; i < n; i++) if (Number.isNaN(values[i])) nanCount++;
  const length = n - nanCount;
  if (length < RADIX_MIN_LENGTH) {
    const sorted = new Float64Array(length);
    let k = 0;
    for (let i = 0; i < n; i++) {
      const x = values[i]!;
      if (!Number.isNaN(x)) sorted[k++] = x;
    }
    sorted.sort();
    return { sorted, nanCount };
  }
  return { sorted: radixSort(values, length), nanCount };
}

function radixSort(values: Float64Array, length: number): Float64Array {
  let a = new Uint32Array(2 * length);
  let b = new Uint32Array(2 * length);
  const counts = new Uint32Array(4 * BUCKETS);
  const source = new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if (Number.isNaN(x)) continue;
    let lo = source[2 * i]!;
    let hi = source[2 * i + 1]!;
    // Negative doubles: flip every bit; positive: flip the sign bit. Unsigned order then equals numeric order.
    if (hi >= 0x80000000) {
      hi = ~hi >>> 0;
      lo = ~lo >>> 0;
    } else {
      hi = (hi | 0x80000000) >>> 0;
    }
    a[k] = lo;
    a[k + 1] = hi;
    k += 2;
    counts[lo & 0xffff]!++;
    counts[BUCKETS + (lo >>> 16)]!++;
    counts[2 * BUCKETS + (hi & 0xffff)]!++;
    counts[3 * BUCKETS + (hi >>> 16)]!++;
  }
  for (let pass = 0; pass < 4; pass++) {
    const base = pass * BUCKETS;
    let sum = 0;
    let constant = false;
    for (let d = 0; d < BUCKETS; d++) {
      const c = counts[base + d]!;
      if (c === length) {
        constant = true;
        break;
      }
      counts[base + d] = sum;
      sum += c;
    }
    if (constant) continue;
    const useHigh = pass >= 2;
    const shift = (pass & 1) * DIGIT_BITS;
    for (let i = 0; i < 2 * length; i += 2) {
      const lo = a[i]!;
      const hi = a[i + 1]!;
      const digit = ((useHigh ? hi : lo) >>> shift) & 0xffff;
      const j = 2 * counts[base + digit]!++;
      b[j] = lo;
      b[j + 1] = hi;
    }
    const swap = a;
    a = b;
    b = swap;
  }
  for (let i = 0; i < 2 * length; i += 2) {
    const hi = a[i + 1]!;
    if (hi >= 0x80000000) {
      a[i + 1] = hi & 0x7fffffff;
    } else {
      a[i + 1] = ~hi >>> 0;
      a[i] = ~a[i]! >>> 0;
    }
  }
  return new Float64Array(a.buffer, 0, length);
}
