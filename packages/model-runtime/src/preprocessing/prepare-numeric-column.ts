import { ColumnValueError } from '../errors.js';
import type { FittedNumericFeature } from './fitted-preprocessor.js';

/** A numeric column after imputation and log1p, before scaling, with its missing mask. */
export interface PreparedNumericColumn {
  values: Float64Array;
  /** 1 where the raw value was NaN (and was imputed). */
  missing: Uint8Array;
}

/**
 * Fills NaN with the fitted value and applies log1p; the shared path of fit and transform, so training and
 * inference see identical numbers. Inf, uncovered NaN and log1p domain errors name the column and row.
 */
export function prepareNumericColumn(
  feature: Pick<FittedNumericFeature, 'column' | 'impute' | 'log1p'>,
  raw: Float64Array,
): PreparedNumericColumn {
  const values = new Float64Array(raw.length);
  const missing = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    let x = raw[i]!;
    if (Number.isNaN(x)) {
      if (feature.impute === null)
        throw new ColumnValueError(
          feature.column,
          'is NaN; add `impute` to the feature spec or clean the column',
          i,
        );
      x = feature.impute.value;
      missing[i] = 1;
    } else if (!Number.isFinite(x)) {
      throw new ColumnValueError(
        feature.column,
        `is ${x}; infinite values are not allowed (clip or drop them)`,
        i,
      );
    }
    if (feature.log1p) {
      if (!(x > -1))
        throw new ColumnValueError(
          feature.column,
          `is ${x}; log1p needs values > -1 (shift the column or drop \`log1p\`)`,
          i,
        );
      x = Math.log1p(x);
    }
    values[i] = x;
  }
  return { values, missing };
}
