/**
 * How a numeric column is cut into shared bins for PSI and Jensen-Shannon.
 * - `evidently` (default): Evidently's `get_binned_data`: when the reference has more than 20 distinct
 *   values, equal-width bins over the range of reference ∪ current with Sturges' count
 *   (`np.histogram_bin_edges(..., bins='sturges')`); otherwise one bin per distinct value of either sample.
 * - `quantile`: `bins` (default 10) reference-quantile bins, the outer two open-ended (classic credit PSI).
 * - `edges`: fixed ascending edges; values outside [first, last] are not counted.
 */
export type NumericBinning =
  | { kind: 'evidently' }
  | { kind: 'quantile'; bins?: number }
  | { kind: 'edges'; edges: Float64Array };

/** Reference and current counts in shared bins. */
export interface BinnedCounts {
  /** Count of reference values per bin (scaled to the true reference size for down-sampled references). */
  reference: Float64Array;
  /** Count of current values per bin. */
  current: Float64Array;
  /** Bin edges (k + 1 of them), or null when each bin is one distinct value. */
  edges: Float64Array | null;
  /** The distinct value of each bin, or null for range bins. */
  values: Float64Array | null;
}

/** Evidently switches from per-value bins to histogram bins above this many distinct reference values. */
export const EVIDENTLY_MAX_VALUE_BINS = 20;
