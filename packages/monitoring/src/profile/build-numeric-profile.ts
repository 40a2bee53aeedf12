import { InvalidStatisticInputError } from '../errors.js';
import { countSortedInBins } from '../stats/count-sorted-in-bins.js';
import { histogramBinEdges } from '../stats/histogram-bin-edges.js';
import { meanAndStd } from '../stats/mean-and-std.js';
import { quantileSorted } from '../stats/quantile-sorted.js';
import { sortWithoutNaN } from '../stats/sort-without-nan.js';
import type { NumericProfile } from './numeric-profile.js';

/** Options of {@link buildNumericProfile}. */
export interface BuildNumericProfileOptions {
  /** Keep every value up to this many; above it keep this many evenly spaced order statistics. Default 1 000 000; minimum 10 000 (exact KS p-values need every value). */
  maxSortedValues?: number;
  /** Quantile levels to record; default 0, .01, .05, .1, .25, .5, .75, .9, .95, .99, 1. */
  quantiles?: number[];
}

const DEFAULT_QUANTILES = [0, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 1];
const MIN_SORTED_VALUES = 10_000;

/**
 * Profiles a numeric reference column once (sort, moments, quantiles, histogram) so drift runs never re-read
 * the reference data. NaN and ±Infinity are excluded and counted in `missingCount`.
 */
export function buildNumericProfile(
  values: Float64Array,
  options: BuildNumericProfileOptions = {},
): NumericProfile {
  const maxSorted = options.maxSortedValues ?? 1_000_000;
  if (!(maxSorted >= MIN_SORTED_VALUES)) {
    throw new InvalidStatisticInputError(
      'maxSortedValues',
      `must be at least ${MIN_SORTED_VALUES}, got ${maxSorted}`,
    );
  }
  const all = sortWithoutNaN(values).sorted;
  let lo = 0;
  let hi = all.length;
  while (lo < hi && all[lo] === Number.NEGATIVE_INFINITY) lo++;
  while (hi > lo && all[hi - 1] === Number.POSITIVE_INFINITY) hi--;
  const finite = lo === 0 && hi === all.length ? all : all.slice(lo, hi);
  const count = finite.length;
  let uniqueCount = 0;
  for (let i = 0; i < count; i++) if (i === 0 || finite[i] !== finite[i - 1]) uniqueCount++;
  const { mean, std } = meanAndStd(finite);
  const probabilities = options.quantiles ?? DEFAULT_QUANTILES;
  const min = count ? finite[0]! : Number.NaN;
  const max = count ? finite[count - 1]! : Number.NaN;
  const edges = count ? histogramBinEdges(min, max, count) : new Float64Array(0);
  return {
    kind: 'numeric',
    count,
    missingCount: values.length - count,
    uniqueCount,
    min,
    max,
    mean,
    std,
    sorted: count > maxSorted ? orderStatistics(finite, maxSorted) : finite,
    exact: count <= maxSorted,
    quantiles: {
      probabilities: [...probabilities],
      values: probabilities.map((p) => quantileSorted(finite, p)),
    },
    histogram: { edges, counts: countSortedInBins(finite, edges) },
  };
}

/** k order statistics at ranks ⌈(i + 1)·n / k⌉ − 1: the last value of each of k equal blocks. */
function orderStatistics(sorted: Float64Array, k: number): Float64Array {
  const n = sorted.length;
  const out = new Float64Array(k);
  for (let i = 0; i < k; i++) out[i] = sorted[Math.ceil(((i + 1) * n) / k) - 1]!;
  return out;
}
