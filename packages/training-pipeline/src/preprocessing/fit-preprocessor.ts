import type { FeatureColumns, FittedPreprocessor } from '@fti/model-runtime';
import { countRows, listFeatureNames, readCategoricalColumn, readNumericColumn } from '@fti/model-runtime';
import { InvalidInputError } from '../errors.js';
import { fitNumericFeature } from './fit-numeric-feature.js';
import { fitOneHotFeature } from './fit-one-hot-feature.js';
import type { PreprocessorSpec } from './preprocessor-spec.js';

/**
 * Fits every feature of `spec` on the training split's columns (never on validation or test data) and
 * returns plain JSON to save with the model; `applyPreprocessor` replays it at training and inference.
 */
export function fitPreprocessor(spec: PreprocessorSpec, columns: FeatureColumns): FittedPreprocessor {
  const rows = countRows(columns, spec.features);
  if (rows === 0)
    throw new InvalidInputError('columns', 'have 0 rows; fit the preprocessor on a non-empty training split');
  const features = spec.features.map((feature) =>
    feature.kind === 'numeric'
      ? fitNumericFeature(feature, readNumericColumn(columns, feature.column, rows))
      : fitOneHotFeature(feature, readCategoricalColumn(columns, feature.column, rows)),
  );
  const featureNames = listFeatureNames(features);
  const seen = new Set<string>();
  for (const name of featureNames) {
    if (seen.has(name))
      throw new InvalidInputError(
        'spec.features',
        `emits feature \`${name}\` twice; declare each column once`,
      );
    seen.add(name);
  }
  return { format: 'fti-preprocessor', version: 1, features, featureNames };
}
