import type { FittedOneHotFeature } from '@fti/model-runtime';
import { ColumnValueError } from '../errors.js';
import type { OneHotFeatureSpec } from './preprocessor-spec.js';

/** Orders category keys: strings ascending by code unit, `null` (missing) last. */
export function compareCategories(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/**
 * Learns the training categories; with `maxCategories` (the `__other__` bucket counted, as scikit-learn's
 * `max_categories`), keeps the `maxCategories − 1` most frequent (ties by category order) and folds the rest.
 */
export function fitOneHotFeature(spec: OneHotFeatureSpec, keys: (string | null)[]): FittedOneHotFeature {
  const counts = new Map<string | null, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  const all = [...counts.keys()].sort(compareCategories);
  const max = spec.maxCategories;
  if (max !== undefined && (!Number.isInteger(max) || max < 2))
    throw new ColumnValueError(
      spec.column,
      `maxCategories is ${max}; use an integer >= 2 (one slot is __other__)`,
    );
  if (max === undefined || all.length <= max)
    return { kind: 'one-hot', column: spec.column, categories: all, infrequent: [] };
  const byFrequency = [...all].sort((a, b) => counts.get(b)! - counts.get(a)! || compareCategories(a, b));
  const kept = new Set(byFrequency.slice(0, max - 1));
  return {
    kind: 'one-hot',
    column: spec.column,
    categories: all.filter((c) => kept.has(c)),
    infrequent: all.filter((c) => !kept.has(c)),
  };
}
