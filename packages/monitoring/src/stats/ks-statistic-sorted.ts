/** The two-sample KS statistic and where it is attained. */
export interface KsStatistic {
  /** sup |F_a − F_b| over the pooled values, in [0, 1]. */
  statistic: number;
  /** The pooled value where the supremum is attained (SciPy `statistic_location`). */
  location: number;
  /** +1 when F_a − F_b is largest there, −1 when F_b − F_a is (SciPy `statistic_sign`). */
  sign: 1 | -1;
}

/**
 * Two-sample KS statistic of two ascending, NaN-free samples by one merge pass, O(n + m). At every pooled
 * value v it forms #{a ≤ v}/n − #{b ≤ v}/m with the same floating-point operations as SciPy's
 * `searchsorted(side='right') / n`, so the statistic is bit-identical to `ks_2samp`'s (ties included).
 */
export function ksStatisticSorted(a: Float64Array, b: Float64Array): KsStatistic {
  const n = a.length;
  const m = b.length;
  let i = 0;
  let j = 0;
  let maxDiff = Number.NEGATIVE_INFINITY;
  let minDiff = Number.POSITIVE_INFINITY;
  // SciPy's argmax/argmin scan the pooled array (sorted a, then sorted b) and report the first hit, so the
  // location is the smallest a-value attaining the extreme, else the smallest b-value: track both.
  let maxAtA = Number.NaN;
  let maxAtB = Number.NaN;
  let minAtA = Number.NaN;
  let minAtB = Number.NaN;
  while (i < n || j < m) {
    let v: number;
    if (j >= m) v = a[i]!;
    else if (i >= n) v = b[j]!;
    else {
      const x = a[i]!;
      const y = b[j]!;
      v = x <= y ? x : y;
    }
    // Heads are ≥ v, so `=== v` is `<= v` (and −0 === +0 groups signed zeros as searchsorted does).
    let inA = false;
    let inB = false;
    if (i < n && a[i] === v) {
      inA = true;
      i++;
      while (i < n && a[i] === v) i++;
    }
    if (j < m && b[j] === v) {
      inB = true;
      j++;
      while (j < m && b[j] === v) j++;
    }
    const diff = i / n - j / m;
    if (diff >= maxDiff) {
      if (diff > maxDiff) {
        maxDiff = diff;
        maxAtA = inA ? v : Number.NaN;
        maxAtB = inB ? v : Number.NaN;
      } else {
        if (inA && Number.isNaN(maxAtA)) maxAtA = v;
        if (inB && Number.isNaN(maxAtB)) maxAtB = v;
      }
    }
    if (diff <= minDiff) {
      if (diff < minDiff) {
        minDiff = diff;
        minAtA = inA ? v : Number.NaN;
        minAtB = inB ? v : Number.NaN;
      } else {
        if (inA && Number.isNaN(minAtA)) minAtA = v;
        if (inB && Number.isNaN(minAtB)) minAtB = v;
      }
    }
  }
  const maxAt = Number.isNaN(maxAtA) ? maxAtB : maxAtA;
  const minAt = Number.isNaN(minAtA) ? minAtB : minAtA;
  const minS = Math.min(Math.max(-minDiff, 0), 1);
  if (minS > maxDiff) return { statistic: minS, location: minAt, sign: -1 };
  return { statistic: maxDiff, location: maxAt, sign: 1 };
}
