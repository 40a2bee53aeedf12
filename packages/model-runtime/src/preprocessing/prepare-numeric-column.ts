import type { FittedNumericFeature } from './fitted-preprocessor.js';
import { numericValueError } from './numeric-value-error.js';

/** A numeric column after imputation and log1p, before scaling, with its missing mask. */
export interface PreparedNumericColumn {
  values: Float64Array;
  /** 1 where the raw value was NaN (and was imputed). */
  missing: Uint8Array;
}

/**
 * Fills NaN with the fitted value and applies log1p; the fit side of the path {@link applyPreprocessor}
 * fuses with scaling, with the same operations in the same order, so training and inference see identical
 * numbers. Inf, uncovered NaN and log1p domain errors name the column and row.
 */
export function prepareNumericColumn(
  feature: Pick<FittedNumericFeature, 'column' | 'impute' | 'log1p'>,
  raw: Float64Array,
): PreparedNumericColumn {
  const values = new Float64Array(raw.length);
  const missing = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    let x = raw[i]!;
    const error = numericValueError(feature, x, i);
    if (error) throw error;
    if (Number.isNaN(x)) {
      x = feature.impute!.value;
      missing[i] = 1;
    }
    values[i] = feature.log1p ? Math.log1p(x) : x;
  }
  return { values, missing };
}
