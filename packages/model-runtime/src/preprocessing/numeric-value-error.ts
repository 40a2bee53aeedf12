import { ColumnValueError } from '../errors.js';
import type { FittedNumericFeature } from './fitted-preprocessor.js';

/**
 * The error for a numeric value the feature cannot take, or `undefined` when it can: NaN without `impute`,
 * ±Inf, or (after imputation) a value ≤ -1 under `log1p`. Shared by fit and transform, so both refuse the same
 * values with the same message naming the column and row.
 */
export function numericValueError(
  feature: Pick<FittedNumericFeature, 'column' | 'impute' | 'log1p'>,
  raw: number,
  row: number,
): ColumnValueError | undefined {
  if (Number.isNaN(raw)) {
    if (feature.impute === null)
      return new ColumnValueError(
        feature.column,
        'is NaN; add `impute` to the feature spec or clean the column',
        row,
      );
    return feature.log1p && !(feature.impute.value > -1)
      ? log1pDomain(feature.column, feature.impute.value, row)
      : undefined;
  }
  if (!Number.isFinite(raw))
    return new ColumnValueError(
      feature.column,
      `is ${raw}; infinite values are not allowed (clip or drop them)`,
      row,
    );
  return feature.log1p && !(raw > -1) ? log1pDomain(feature.column, raw, row) : undefined;
}

function log1pDomain(column: string, x: number, row: number): ColumnValueError {
  return new ColumnValueError(
    column,
    `is ${x}; log1p needs values > -1 (shift the column or drop \`log1p\`)`,
    row,
  );
}
