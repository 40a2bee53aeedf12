import type { FeatureColumns, FittedPreprocessor } from '@fti/model-runtime';

/** The part of an Arrow vector read here: per-row values. */
export interface ValueVector {
  readonly length: number;
  get(index: number): unknown;
}

/**
 * The preprocessor's input columns for the selected rows of a batch: numeric features as `Float64Array`
 * (nulls → NaN, bigint and boolean as numbers), one-hot features as strings (`null` for missing).
 * @param rows Row indices of the batch to take, in order.
 */
export function readFeatureColumns(
  preprocessor: FittedPreprocessor,
  column: (name: string) => ValueVector,
  rows: Uint32Array,
): FeatureColumns {
  const out: Record<string, Float64Array | (string | null)[]> = {};
  for (const feature of preprocessor.features) {
    if (out[feature.column] !== undefined) continue;
    const vector = column(feature.column);
    if (feature.kind === 'numeric') {
      const values = new Float64Array(rows.length);
      for (let i = 0; i < rows.length; i++) values[i] = toNumber(vector.get(rows[i]!));
      out[feature.column] = values;
    } else {
      const values = new Array<string | null>(rows.length);
      for (let i = 0; i < rows.length; i++) {
        const v = vector.get(rows[i]!);
        values[i] = v === null || v === undefined ? null : String(v);
      }
      out[feature.column] = values;
    }
  }
  return out;
}

function toNumber(value: unknown): number {
  if (value === null || value === undefined) return Number.NaN;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return Number(value);
}
