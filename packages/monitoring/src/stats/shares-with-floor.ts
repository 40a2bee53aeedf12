/**
 * Counts divided by `total`, with empty bins replaced as Evidently's `get_binned_data(feel_zeroes=True)`
 * does: by (smallest non-zero share) / 10⁶ when that share is ≤ 10⁻⁴, else by 10⁻⁴. Keeps PSI finite.
 * A vector with no non-zero count is returned as all zeros (the caller flags the empty sample).
 */
export function sharesWithFloor(counts: Float64Array, total: number): Float64Array {
  const shares = new Float64Array(counts.length);
  let minNonZero = Number.POSITIVE_INFINITY;
  for (let i = 0; i < counts.length; i++) {
    const share = counts[i]! / total;
    shares[i] = share;
    if (share !== 0 && share < minNonZero) minNonZero = share;
  }
  if (minNonZero === Number.POSITIVE_INFINITY) return shares;
  const floor = minNonZero <= 0.0001 ? minNonZero / 10 ** 6 : 0.0001;
  for (let i = 0; i < shares.length; i++) if (shares[i] === 0) shares[i] = floor;
  return shares;
}
