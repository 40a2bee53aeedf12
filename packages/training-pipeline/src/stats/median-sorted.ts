/** Median of an ascending-sorted, non-empty sample: the mean of the two middle values when n is even (NumPy). */
export function medianSorted(sorted: Float64Array): number {
  const n = sorted.length;
  const half = n >> 1;
  return n % 2 === 1 ? sorted[half]! : (sorted[half - 1]! + sorted[half]!) / 2;
}
