import type { CategoricalColumn } from '../profile/categorical-column.js';
import type { CategoricalProfile } from '../profile/categorical-profile.js';
import { countCategories } from '../profile/count-categories.js';
import type { ColumnDrift } from './column-drift.js';
import type { DriftOverride } from './drift-method.js';
import { finishColumnDrift } from './finish-column-drift.js';
import { scoreCounts } from './score-counts.js';
import { selectDriftMethod } from './select-drift-method.js';

/** Options of {@link computeCategoricalDrift}. */
export interface ComputeCategoricalDriftOptions extends DriftOverride {
  /** Column name, for the result and error messages. */
  column: string;
}

/**
 * Drift of a dictionary-encoded current column against a stored categorical profile: counts the current
 * categories, aligns both sides on the union of categories (ascending), picks Evidently's default method
 * unless overridden and scores it. Empty sides and single-category columns are flagged, never NaN.
 */
export function computeCategoricalDrift(
  profile: CategoricalProfile,
  current: CategoricalColumn,
  options: ComputeCategoricalDriftOptions,
): ColumnDrift {
  const cur = countCategories(current);
  const reference = { count: profile.count, missingCount: profile.missingCount };
  const currentCounts = { count: cur.count, missingCount: cur.missingCount };
  const base = {
    column: options.column,
    columnType: 'categorical' as const,
    threshold: options.threshold,
    reference,
    current: currentCounts,
  };
  if (profile.count === 0 || cur.count === 0) {
    const status = profile.count === 0 ? 'empty-reference' : 'empty-current';
    return finishColumnDrift({ ...base, status, method: options.method ?? null, result: null });
  }
  const keys = [...new Set([...profile.categories, ...cur.categories])].sort();
  const refCounts = align(keys, profile.categories, profile.counts);
  const curCounts = align(keys, cur.categories, cur.counts);
  const method =
    options.method ??
    selectDriftMethod({ columnType: 'categorical', referenceCount: profile.count, uniqueCount: keys.length });
  const status = keys.length === 1 ? 'constant' : 'ok';
  return finishColumnDrift({
    ...base,
    status,
    method,
    result: scoreCounts(method, refCounts, curCounts, options.column),
  });
}

function align(keys: string[], categories: string[], counts: Float64Array): Float64Array {
  const index = new Map(categories.map((name, i) => [name, i]));
  return Float64Array.from(keys, (key) => {
    const i = index.get(key);
    return i === undefined ? 0 : counts[i]!;
  });
}
