/**
 * The q-th percentile (0..100) of an ascending-sorted sample, NumPy 1.24 `np.percentile` method `linear`
 * reproduced operation for operation (including its `_lerp`, which interpolates from the upper neighbour
 * when the fraction is at least 0.5), so bin edges match bit for bit.
 */
export function percentileSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  const virtualIndex = (n - 1) * (q / 100);
  if (virtualIndex >= n - 1) return sorted[n - 1]!;
  if (virtualIndex < 0) return sorted[0]!;
  const previous = Math.floor(virtualIndex);
  const a = sorted[previous]!;
  const b = sorted[previous + 1]!;
  const t = virtualIndex - previous;
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}
