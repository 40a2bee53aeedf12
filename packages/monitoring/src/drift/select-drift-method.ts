import type { DriftMethod } from './drift-method.js';

/** What the default selection looks at. */
export interface DriftSelectionInput {
  columnType: 'numeric' | 'categorical';
  /** Non-missing reference rows. */
  referenceCount: number;
  /** Distinct non-missing values over reference ∪ current. */
  uniqueCount: number;
}

/**
 * Evidently's default drift method for a column (`_get_default_stattest` in
 * evidently `src/evidently/calculations/stattests/registry.py`; documented at
 * https://docs-old.evidentlyai.com/reference/data-drift-algorithm):
 *
 * | reference rows | column                          | method                      | drift when |
 * |----------------|---------------------------------|-----------------------------|------------|
 * | ≤ 1000         | numeric, > 5 unique             | `ks`                        | p < 0.05   |
 * | ≤ 1000         | numeric ≤ 5 unique, categorical | `chisquare` (> 2 unique)    | p < 0.05   |
 * | ≤ 1000         | numeric ≤ 5 unique, categorical | `ztest` (≤ 2 unique)        | p < 0.05   |
 * | > 1000         | numeric, > 5 unique             | `wasserstein` (normed)      | ≥ 0.1      |
 * | > 1000         | numeric ≤ 5 unique, categorical | `jensenshannon`             | ≥ 0.1      |
 *
 * Unique values are counted over reference and current together, as Evidently does.
 */
export function selectDriftMethod(input: DriftSelectionInput): DriftMethod {
  const lowCardinality = input.columnType === 'categorical' || input.uniqueCount <= 5;
  if (input.referenceCount <= 1000) {
    if (!lowCardinality) return 'ks';
    return input.uniqueCount > 2 ? 'chisquare' : 'ztest';
  }
  return lowCardinality ? 'jensenshannon' : 'wasserstein';
}
