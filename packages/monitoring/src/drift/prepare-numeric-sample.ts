import { sortWithoutNaN } from '../stats/sort-without-nan.js';

/** A numeric current column made ready for drift: finite values sorted once, non-finite ones counted. */
export interface NumericSample {
  /** Finite values, ascending. */
  sorted: Float64Array;
  /** NaN and ±Infinity values dropped. */
  missingCount: number;
}

/**
 * Sorts a numeric column once and drops NaN and ±Infinity (Evidently treats infinities as missing), so
 * several methods (KS, PSI, Wasserstein…) can score the same window without sorting it again.
 */
export function prepareNumericSample(values: Float64Array): NumericSample {
  const sorted = sortWithoutNaN(values).sorted;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi && sorted[lo] === Number.NEGATIVE_INFINITY) lo++;
  while (hi > lo && sorted[hi - 1] === Number.POSITIVE_INFINITY) hi--;
  const finite = lo === 0 && hi === sorted.length ? sorted : sorted.subarray(lo, hi);
  return { sorted: finite, missingCount: values.length - finite.length };
}
