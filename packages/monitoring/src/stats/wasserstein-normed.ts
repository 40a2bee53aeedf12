import { EmptySampleError } from '../errors.js';
import { meanAndStd } from './mean-and-std.js';
import { sortWithoutNaN } from './sort-without-nan.js';
import { wassersteinDistanceSorted } from './wasserstein-distance-sorted.js';

/** Evidently's floor on the reference standard deviation, so constant references do not divide by zero. */
export const WASSERSTEIN_MIN_NORM = 0.001;

/**
 * Wasserstein distance divided by the reference's population standard deviation (floored at 0.001), as
 * Evidently's `wasserstein` drift method does (`wasserstein_distance_norm.py`): unitless, 0 for identical
 * samples, drift at ≥ 0.1 by default. NaN values are dropped.
 * @throws EmptySampleError when either sample has no non-NaN value.
 */
export function wassersteinNormed(reference: Float64Array, current: Float64Array): number {
  const ref = sortWithoutNaN(reference).sorted;
  const cur = sortWithoutNaN(current).sorted;
  if (ref.length === 0) throw new EmptySampleError('reference');
  if (cur.length === 0) throw new EmptySampleError('current');
  return wassersteinDistanceSorted(ref, cur) / Math.max(meanAndStd(ref).std, WASSERSTEIN_MIN_NORM);
}
