import { DatasetError } from '../errors.js';
import type { PreprocessorSpec } from '../preprocessing/preprocessor-spec.js';
import type { Dataset } from './dataset.js';

/**
 * Checks the numeric features a preprocessing spec reads before anything is fitted: ±Inf is always an error,
 * NaN (a missing value) only when the feature has no `impute`. The error counts the bad rows and names the
 * first, with what to change.
 * @throws DatasetError (`non-finite-feature`, `unknown-column`).
 */
export function checkFeatureValues(
  dataset: Pick<Dataset, 'columns' | 'timestamps' | 'entities'>,
  spec: PreprocessorSpec,
): void {
  for (const feature of spec.features) {
    const values = dataset.columns[feature.column];
    if (values === undefined)
      throw new DatasetError(
        'unknown-column',
        `preprocessing reads \`${feature.column}\`, which the dataset does not have; add it to the feature references`,
        feature.column,
      );
    if (feature.kind !== 'numeric') continue;
    if (!(values instanceof Float64Array))
      throw new DatasetError(
        'unknown-column',
        `\`${feature.column}\` holds strings; declare it as a one-hot feature`,
        feature.column,
      );
    let nan = 0;
    let inf = 0;
    let first = -1;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (Number.isNaN(v)) {
        if (feature.impute === undefined) {
          nan++;
          if (first < 0) first = i;
        }
      } else if (!Number.isFinite(v)) {
        inf++;
        if (first < 0) first = i;
      }
    }
    if (nan + inf > 0) {
      const at = `first at row ${first} (entity ${dataset.entities[first]}, ${new Date(dataset.timestamps[first]!).toISOString().slice(0, 10)})`;
      throw new DatasetError(
        'non-finite-feature',
        `feature \`${feature.column}\` has ${nan} missing (NaN) and ${inf} infinite value(s), ${at}; ` +
          (inf > 0 ? 'clip or drop infinite values in the feature job' : 'add `impute` to its preprocessing'),
        feature.column,
      );
    }
  }
}
