import { ColumnValueError, InvalidInputError } from '../errors.js';
import { countRows } from './count-rows.js';
import type { CategoricalValues, FeatureColumns } from './feature-columns.js';
import type { FittedNumericFeature, FittedOneHotFeature, FittedPreprocessor } from './fitted-preprocessor.js';
import { numericValueError } from './numeric-value-error.js';
import { readNumericColumn } from './read-column.js';

/** A dense feature matrix. */
export interface FeatureMatrix {
  /** Row-major `rows × width` values: row i is `values[i*width .. i*width + width)`. */
  values: Float32Array;
  rows: number;
  width: number;
  /** Name of each matrix column. */
  featureNames: string[];
}

/** Options of {@link applyPreprocessor}. */
export interface ApplyPreprocessorOptions {
  /**
   * Writes the matrix into the first `rows × width` values of this array (zeroed first) instead of a new
   * one, for a caller that scores block after block into one buffer; the returned `values` is a view of it.
   * Default: a new array.
   */
  into?: Float32Array;
}

/** Rows per tile: the tile's part of the matrix (1,024 rows × a few dozen floats) stays in L2 cache. */
const TILE_ROWS = 1024;

/**
 * Transforms columns with a fitted preprocessor into a Float32 feature matrix: the same code for the
 * training split, validation, and rows scored at inference (no train/serve skew). Writes the matrix in one
 * pass over tiles of rows, each feature straight into its cells (imputation, log1p and scaling fused, no
 * intermediate column), with the operations of `prepareNumericColumn` and `applyScale` in the same order,
 * so the numbers are identical to theirs.
 */
export function applyPreprocessor(
  fitted: FittedPreprocessor,
  columns: FeatureColumns,
  options: ApplyPreprocessorOptions = {},
): FeatureMatrix {
  const rows = countRows(columns, fitted.features);
  const width = fitted.featureNames.length;
  const values = matrixValues(rows * width, options.into);
  const numeric: NumericPlan[] = [];
  const oneHot: OneHotPlan[] = [];
  let offset = 0;
  for (const feature of fitted.features) {
    if (feature.kind === 'numeric') {
      const plan = planNumeric(feature, readNumericColumn(columns, feature.column, rows), offset);
      numeric.push(plan);
      offset += plan.indicator ? 2 : 1;
    } else {
      const plan = planOneHot(feature, readCategoricalSource(columns, feature.column, rows), offset);
      oneHot.push(plan);
      offset += plan.slots;
    }
  }
  // Tile by tile, every feature: feature by feature over the whole matrix would stream it from memory once
  // per feature (each feature writes one strided cell per row).
  for (let from = 0; from < rows; from += TILE_ROWS) {
    const to = Math.min(rows, from + TILE_ROWS);
    for (const plan of numeric) writeNumeric(plan, values, width, from, to);
    for (const plan of oneHot) writeOneHot(plan, values, width, from, to);
  }
  return { values, rows, width, featureNames: fitted.featureNames };
}

/** A zeroed array of `size` values: a new one, or the start of `into`. */
function matrixValues(size: number, into: Float32Array | undefined): Float32Array {
  if (into === undefined) return new Float32Array(size);
  if (into.length < size)
    throw new InvalidInputError(
      'into',
      `holds ${into.length} values; the matrix needs ${size} (rows × width)`,
    );
  const values = into.subarray(0, size);
  values.fill(0);
  return values;
}

/** A numeric feature reduced to plain fields (one object shape, so the write loop stays monomorphic). */
interface NumericPlan {
  feature: FittedNumericFeature;
  raw: Float64Array;
  offset: number;
  imputes: boolean;
  fill: number;
  indicator: boolean;
  log1p: boolean;
  /** 0: no scaling; 1: `x · first + second` (minmax); 2: `(x − first) / second` (standard, robust). */
  mode: 0 | 1 | 2;
  first: number;
  second: number;
}

function planNumeric(feature: FittedNumericFeature, raw: Float64Array, offset: number): NumericPlan {
  const { impute, scale } = feature;
  const minmax = scale?.kind === 'minmax';
  return {
    feature,
    raw,
    offset,
    imputes: impute !== null,
    fill: impute?.value ?? 0,
    indicator: impute?.indicator === true,
    log1p: feature.log1p,
    mode: scale === null ? 0 : minmax ? 1 : 2,
    first: scale === null ? 0 : scale.kind === 'minmax' ? scale.scale : scale.center,
    second: scale === null ? 1 : scale.kind === 'minmax' ? scale.min : scale.scale,
  };
}

function writeNumeric(plan: NumericPlan, out: Float32Array, width: number, from: number, to: number): void {
  const { raw, imputes, fill, indicator, log1p, mode, first, second } = plan;
  for (let i = from, at = from * width + plan.offset; i < to; i++, at += width) {
    let x = raw[i]!;
    if (Number.isNaN(x)) {
      if (!imputes) throw failure(plan, i);
      x = fill;
      if (indicator) out[at + 1] = 1;
    }
    if (log1p) {
      if (!(x > -1)) throw failure(plan, i);
      x = Math.log1p(x);
    } else if (x - x !== 0) throw failure(plan, i); // ±Inf
    out[at] = mode === 2 ? (x - first) / second : mode === 1 ? x * first + second : x;
  }
}

function failure(plan: NumericPlan, row: number): ColumnValueError {
  const raw = plan.raw[row]!;
  return (
    numericValueError(plan.feature, raw, row) ??
    new ColumnValueError(plan.feature.column, `cannot be transformed (value ${raw})`, row)
  );
}

/** A one-hot feature: its values and the matrix column of each category (offset included). */
interface OneHotPlan {
  values: CategoricalValues | Float64Array;
  columns: Map<string | null, number>;
  unseen: number;
  /** Matrix columns the feature takes. */
  slots: number;
}

function planOneHot(
  feature: FittedOneHotFeature,
  values: CategoricalValues | Float64Array,
  offset: number,
): OneHotPlan {
  const columns = new Map<string | null, number>();
  for (const [slot, category] of feature.categories.entries()) columns.set(category, offset + slot);
  const other = feature.categories.length;
  for (const category of feature.infrequent) columns.set(category, offset + other);
  const unseen = other + (feature.infrequent.length > 0 ? 1 : 0);
  return { values, columns, unseen: offset + unseen, slots: unseen + 1 };
}

function writeOneHot(plan: OneHotPlan, out: Float32Array, width: number, from: number, to: number): void {
  const { values, columns, unseen } = plan;
  for (let i = from, at = from * width; i < to; i++, at += width) {
    const v = values[i];
    // Missing (null, undefined, NaN) is the `null` category; numbers are matched by their string form.
    const key =
      typeof v === 'string' ? v : v === null || v === undefined || Number.isNaN(v) ? null : String(v);
    out[at + (columns.get(key) ?? unseen)] = 1;
  }
}

/** The categorical column `name`, checked to hold `rows` values (read in place, not copied). */
function readCategoricalSource(
  columns: FeatureColumns,
  name: string,
  rows: number,
): CategoricalValues | Float64Array {
  const values = columns[name];
  if (values === undefined) throw new ColumnValueError(name, 'is missing from the input columns');
  if (values.length !== rows) throw new ColumnValueError(name, `has ${values.length} rows; expected ${rows}`);
  return values;
}
