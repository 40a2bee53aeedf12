/**
 * Quantile q ∈ [0, 1] of an ascending, NaN-free sample by linear interpolation between order statistics
 * (NumPy `np.quantile` default `method='linear'`). NaN for an empty sample.
 */
export function quantileSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const position = q * (n - 1);
  const lo = Math.floor(position);
  const hi = Math.min(lo + 1, n - 1);
  const t = position - lo;
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  const diff = b - a;
  // NumPy's _lerp: from the nearer end, so q = 1 returns the maximum exactly.
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}
