import { EmptySampleError } from '../errors.js';
import { sortWithoutNaN } from './sort-without-nan.js';
import { wassersteinDistanceSorted } from './wasserstein-distance-sorted.js';

/**
 * First Wasserstein (earth mover's) distance between the empirical distributions of u and v, in the units
 * of the data; matches SciPy `stats.wasserstein_distance(u, v)`. NaN values are dropped.
 * @throws EmptySampleError when u or v has no non-NaN value.
 */
export function wassersteinDistance(u: Float64Array, v: Float64Array): number {
  const left = sortWithoutNaN(u).sorted;
  const right = sortWithoutNaN(v).sorted;
  if (left.length === 0) throw new EmptySampleError('u');
  if (right.length === 0) throw new EmptySampleError('v');
  return wassersteinDistanceSorted(left, right);
}
