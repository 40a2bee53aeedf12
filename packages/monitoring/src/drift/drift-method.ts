import type { NumericBinning } from '../stats/numeric-binning.js';

/**
 * A drift method. Tests (`ks`, `chisquare`, `ztest`) score by p-value and drift when it is below the
 * threshold; distances (`wasserstein` normalised by the reference std, `jensenshannon` base 2, `psi`) score
 * by distance and drift when it is at or above the threshold.
 */
export type DriftMethod = 'ks' | 'wasserstein' | 'psi' | 'chisquare' | 'jensenshannon' | 'ztest';

/** Whether a method's score is a p-value (true) or a distance (false). */
export const IS_TEST: Readonly<Record<DriftMethod, boolean>> = {
  ks: true,
  chisquare: true,
  ztest: true,
  wasserstein: false,
  jensenshannon: false,
  psi: false,
};

/** Evidently's default thresholds: p < 0.05 for tests, ≥ 0.1 for distances. */
export const DEFAULT_THRESHOLD: Readonly<Record<DriftMethod, number>> = {
  ks: 0.05,
  chisquare: 0.05,
  ztest: 0.05,
  wasserstein: 0.1,
  jensenshannon: 0.1,
  psi: 0.1,
};

/** Per-column override of the default choice; every field optional. */
export interface DriftOverride {
  /** Method to use instead of the default selection. */
  method?: DriftMethod;
  /** Threshold instead of the method's default. */
  threshold?: number;
  /** Binning for `psi` and `jensenshannon` on numeric columns; default Evidently's. */
  binning?: NumericBinning;
}
