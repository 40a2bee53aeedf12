import type { BinnedCounts } from './numeric-binning.js';

/**
 * One bin per distinct value of reference ∪ current (two ascending samples, one merge pass); reference
 * counts are multiplied by `scale` (true size over sample size for down-sampled references, default 1).
 */
export function countPerValueSorted(reference: Float64Array, current: Float64Array, scale = 1): BinnedCounts {
  const values: number[] = [];
  const ref: number[] = [];
  const cur: number[] = [];
  let i = 0;
  let j = 0;
  while (i < reference.length || j < current.length) {
    const v =
      j >= current.length || (i < reference.length && reference[i]! <= current[j]!)
        ? reference[i]!
        : current[j]!;
    const i0 = i;
    const j0 = j;
    while (i < reference.length && reference[i]! <= v) i++;
    while (j < current.length && current[j]! <= v) j++;
    values.push(v);
    ref.push((i - i0) * scale);
    cur.push(j - j0);
  }
  return {
    reference: Float64Array.from(ref),
    current: Float64Array.from(cur),
    edges: null,
    values: Float64Array.from(values),
  };
}
