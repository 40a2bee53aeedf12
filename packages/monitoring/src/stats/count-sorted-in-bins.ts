import { lowerBound, upperBound } from './bounds.js';

/**
 * Counts of an ascending sample in the bins [e₀, e₁), [e₁, e₂), …, [e_{k−1}, e_k] (the last bin closed, as
 * `np.histogram` does; values outside [e₀, e_k] are not counted), by binary search: O(k log n).
 */
export function countSortedInBins(sorted: Float64Array, edges: Float64Array): Float64Array {
  const bins = edges.length - 1;
  const counts = new Float64Array(Math.max(bins, 0));
  if (bins <= 0) return counts;
  let start = lowerBound(sorted, edges[0]!);
  for (let i = 0; i < bins; i++) {
    const end = i === bins - 1 ? upperBound(sorted, edges[bins]!) : lowerBound(sorted, edges[i + 1]!);
    counts[i] = Math.max(end - start, 0);
    start = end;
  }
  return counts;
}
