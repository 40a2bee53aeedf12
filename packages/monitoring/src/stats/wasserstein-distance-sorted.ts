/**
 * First Wasserstein distance ∫ |F_u − F_v| between two ascending, NaN-free samples (SciPy
 * `wasserstein_distance(u, v)` without weights) by one merge pass: at each pooled value the ECDF gap, with
 * SciPy's `searchsorted(side='right') / size` arithmetic, times the gap to the next pooled value. The sum is
 * compensated (Neumaier), so it is at least as accurate as NumPy's pairwise sum.
 */
export function wassersteinDistanceSorted(u: Float64Array, v: Float64Array): number {
  const n = u.length;
  const m = v.length;
  let i = 0;
  let j = 0;
  let sum = 0;
  let compensation = 0;
  let previous = Number.NaN;
  let gap = 0;
  while (i < n || j < m) {
    const x = j >= m || (i < n && u[i]! <= v[j]!) ? u[i]! : v[j]!;
    if (i + j > 0) {
      const term = gap * (x - previous);
      const t = sum + term;
      compensation += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
      sum = t;
    }
    while (i < n && u[i]! <= x) i++;
    while (j < m && v[j]! <= x) j++;
    gap = Math.abs(i / n - j / m);
    previous = x;
  }
  return sum + compensation;
}
