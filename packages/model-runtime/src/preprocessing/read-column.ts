import { ColumnValueError } from '../errors.js';
import type { CategoricalValues, FeatureColumns } from './feature-columns.js';

/** The numeric column `name`, checked to be a `Float64Array` of `rows` values. */
export function readNumericColumn(columns: FeatureColumns, name: string, rows: number): Float64Array {
  const values = columns[name];
  if (values === undefined) throw new ColumnValueError(name, 'is missing from the input columns');
  if (!(values instanceof Float64Array))
    throw new ColumnValueError(
      name,
      'must be a Float64Array for a numeric feature (or use a one-hot feature)',
    );
  if (values.length !== rows) throw new ColumnValueError(name, `has ${values.length} rows; expected ${rows}`);
  return values;
}

/** The categorical column `name` as category keys (strings, `null` for missing) of `rows` values. */
export function readCategoricalColumn(
  columns: FeatureColumns,
  name: string,
  rows: number,
): (string | null)[] {
  const values = columns[name];
  if (values === undefined) throw new ColumnValueError(name, 'is missing from the input columns');
  if (values.length !== rows) throw new ColumnValueError(name, `has ${values.length} rows; expected ${rows}`);
  const out = new Array<string | null>(rows);
  const source = values as CategoricalValues | Float64Array;
  for (let i = 0; i < rows; i++) {
    const v = source[i];
    out[i] = v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v)) ? null : String(v);
  }
  return out;
}
