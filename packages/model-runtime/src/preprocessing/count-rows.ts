import { InvalidInputError } from '../errors.js';
import type { FeatureColumns } from './feature-columns.js';

/** The row count shared by the columns the features read (checked per column when read). */
export function countRows(columns: FeatureColumns, features: readonly { column: string }[]): number {
  if (features.length === 0)
    throw new InvalidInputError('features', 'is empty; declare at least one feature');
  const first = columns[features[0]!.column];
  if (first === undefined)
    throw new InvalidInputError(
      'columns',
      `has no column \`${features[0]!.column}\` named by the first feature`,
    );
  return first.length;
}
