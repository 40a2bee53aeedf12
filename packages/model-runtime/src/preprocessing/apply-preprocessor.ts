import { applyScale } from './apply-scale.js';
import { countRows } from './count-rows.js';
import type { FeatureColumns } from './feature-columns.js';
import type { FittedNumericFeature, FittedOneHotFeature, FittedPreprocessor } from './fitted-preprocessor.js';
import { prepareNumericColumn } from './prepare-numeric-column.js';
import { readCategoricalColumn, readNumericColumn } from './read-column.js';

/** A dense feature matrix. */
export interface FeatureMatrix {
  /** Row-major `rows × width` values: row i is `values[i*width .. i*width + width)`. */
  values: Float32Array;
  rows: number;
  width: number;
  /** Name of each matrix column. */
  featureNames: string[];
}

/**
 * Transforms columns with a fitted preprocessor into a Float32 feature matrix: the same code for the
 * training split, validation, and rows scored at inference (no train/serve skew).
 */
export function applyPreprocessor(fitted: FittedPreprocessor, columns: FeatureColumns): FeatureMatrix {
  const rows = countRows(columns, fitted.features);
  const width = fitted.featureNames.length;
  const values = new Float32Array(rows * width);
  let offset = 0;
  for (const feature of fitted.features) {
    offset =
      feature.kind === 'numeric'
        ? writeNumeric(feature, readNumericColumn(columns, feature.column, rows), values, width, offset)
        : writeOneHot(feature, readCategoricalColumn(columns, feature.column, rows), values, width, offset);
  }
  return { values, rows, width, featureNames: fitted.featureNames };
}

function writeNumeric(
  feature: FittedNumericFeature,
  raw: Float64Array,
  out: Float32Array,
  width: number,
  offset: number,
): number {
  const prepared = prepareNumericColumn(feature, raw);
  const scale = feature.scale;
  const indicator = feature.impute?.indicator === true;
  for (let i = 0; i < raw.length; i++) {
    const x = prepared.values[i]!;
    out[i * width + offset] = scale === null ? x : applyScale(scale, x);
    if (indicator) out[i * width + offset + 1] = prepared.missing[i]!;
  }
  return offset + (indicator ? 2 : 1);
}

function writeOneHot(
  feature: FittedOneHotFeature,
  keys: (string | null)[],
  out: Float32Array,
  width: number,
  offset: number,
): number {
  const slots = new Map<string | null, number>();
  for (const [slot, category] of feature.categories.entries()) slots.set(category, slot);
  const hasOther = feature.infrequent.length > 0;
  const otherSlot = feature.categories.length;
  for (const category of feature.infrequent) slots.set(category, otherSlot);
  const unseenSlot = otherSlot + (hasOther ? 1 : 0);
  for (let i = 0; i < keys.length; i++) out[i * width + offset + (slots.get(keys[i]!) ?? unseenSlot)] = 1;
  return unseenSlot + 1 + offset;
}
