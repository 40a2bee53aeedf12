/** A fitted scaler: `(x − center) / scale` (standard, robust) or `x · scale + min` (minmax, as scikit-learn). */
export type FittedScale =
  | { kind: 'standard' | 'robust'; center: number; scale: number }
  | { kind: 'minmax'; scale: number; min: number };

/** A fitted numeric feature. */
export interface FittedNumericFeature {
  kind: 'numeric';
  column: string;
  /** Fill value for NaN and whether a `__missing` indicator follows; `null`: NaN is an error. */
  impute: { value: number; indicator: boolean } | null;
  log1p: boolean;
  scale: FittedScale | null;
}

/** A fitted one-hot feature. */
export interface FittedOneHotFeature {
  kind: 'one-hot';
  column: string;
  /** Categories with their own column, sorted (`null`, the missing value, last). */
  categories: (string | null)[];
  /** Training categories folded into `__other__` by `maxCategories`; empty when there is no `__other__`. */
  infrequent: (string | null)[];
}

/** A fitted preprocessor: plain JSON, saved with the model and applied unchanged at inference. */
export interface FittedPreprocessor {
  format: 'fti-preprocessor';
  version: 1;
  features: (FittedNumericFeature | FittedOneHotFeature)[];
  /** Output feature names, one per matrix column. */
  featureNames: string[];
}
