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
  // Extremes tracked separately over values present in a and in b: SciPy's argmax/argmin scan the pooled
  // array (sorted a, then sorted b) and report the first hit, so a's location wins ties.
  let maxA = Number.NEGATIVE_INFINITY;
  let maxAtA = Number.NaN;
  let minA = Number.POSITIVE_INFINITY;
  let minAtA = Number.NaN;
  let maxB = Number.NEGATIVE_INFINITY;
  let maxAtB = Number.NaN;
  let minB = Number.POSITIVE_INFINITY;
  let minAtB = Number.NaN;
  while (i < n || j < m) {
    const v = j >= m || (i < n && a[i]! <= b[j]!) ? a[i]! : b[j]!;
    const i0 = i;
    const j0 = j;
    while (i < n && a[i]! <= v) i++;
    while (j < m && b[j]! <= v) j++;
    const diff = i / n - j / m;
    if (i > i0) {
      if (diff > maxA) {
        maxA = diff;
        maxAtA = v;
      }
      if (diff < minA) {
        minA = diff;
        minAtA = v;
      }
    }
    if (j > j0) {
      if (diff > maxB) {
        maxB = diff;
        maxAtB = v;
      }
      if (diff < minB) {
        minB = diff;
        minAtB = v;
      }
    }
  }
  const maxDiff = Math.max(maxA, maxB);
  const maxAt = maxA === maxDiff ? maxAtA : maxAtB;
  const minDiff = Math.min(minA, minB);
  const minAt = minA === minDiff ? minAtA : minAtB;
  const minS = Math.min(Math.max(-minDiff, 0), 1);
  if (minS > maxDiff) return { statistic: minS, location: minAt, sign: -1 };
  return { statistic: maxDiff, location: maxAt, sign: 1 };
}
