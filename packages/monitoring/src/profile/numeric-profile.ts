/**
 * What a monitoring run needs of a numeric reference column, computed once by `buildNumericProfile`.
 *
 * Exactness: when `exact` is true `sorted` holds every finite reference value, so KS (statistic and p-value),
 * Wasserstein, PSI and Jensen-Shannon against a current sample are exactly what they would be on the raw
 * data. When the reference had more than `maxSortedValues` values, `sorted` keeps evenly spaced order
 * statistics instead: the reference ECDF is then known within 1/`sorted.length` everywhere, so the KS
 * statistic is off by at most that much (its p-value still uses the true `count`), and Wasserstein, PSI and
 * Jensen-Shannon are approximations of the same order. `count`, `missingCount`, `uniqueCount`, `min`, `max`,
 * `mean`, `std`, `quantiles` and `histogram` are always exact.
 */
export interface NumericProfile {
  kind: 'numeric';
  /** Finite values in the reference. */
  count: number;
  /** NaN and ±Infinity values (excluded from every statistic, as Evidently does). */
  missingCount: number;
  /** Distinct finite values (−0 and +0 count once). */
  uniqueCount: number;
  min: number;
  max: number;
  mean: number;
  /** Population standard deviation (NumPy `np.std`, ddof = 0), Wasserstein's normaliser. */
  std: number;
  /** Ascending reference values: all of them when `exact`, else evenly spaced order statistics. */
  sorted: Float64Array;
  /** Whether `sorted` holds every finite reference value. */
  exact: boolean;
  /** Quantiles by linear interpolation at `probabilities`. */
  quantiles: { probabilities: number[]; values: number[] };
  /** Sturges equal-width histogram of the reference over [min, max], for plots. */
  histogram: { edges: Float64Array; counts: Float64Array };
}
