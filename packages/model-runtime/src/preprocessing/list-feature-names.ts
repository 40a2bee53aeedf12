import type { FittedNumericFeature, FittedOneHotFeature } from './fitted-preprocessor.js';

/** Name of the missing-value indicator of a numeric column. */
export const MISSING_SUFFIX = '__missing';
/** Bucket of training categories folded by `maxCategories`. */
export const OTHER_CATEGORY = '__other__';
/** Bucket of categories never seen in training. */
export const UNSEEN_CATEGORY = '__unseen__';

/**
 * Output column names in matrix order: `col` and `col__missing` for numeric features; `col=value`,
 * `col=<null>`, `col=__other__` (with `maxCategories`) and `col=__unseen__` for one-hot features.
 */
export function listFeatureNames(
  features: readonly (FittedNumericFeature | FittedOneHotFeature)[],
): string[] {
  const names: string[] = [];
  for (const feature of features) {
    if (feature.kind === 'numeric') {
      names.push(feature.column);
      if (feature.impute?.indicator === true) names.push(`${feature.column}${MISSING_SUFFIX}`);
      continue;
    }
    for (const category of feature.categories) names.push(`${feature.column}=${category ?? '<null>'}`);
    if (feature.infrequent.length > 0) names.push(`${feature.column}=${OTHER_CATEGORY}`);
    names.push(`${feature.column}=${UNSEEN_CATEGORY}`);
  }
  return names;
}
