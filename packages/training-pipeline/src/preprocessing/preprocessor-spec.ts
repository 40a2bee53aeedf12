/** How a numeric feature's NaN values are filled; the statistic is fitted on the training split. */
export type ImputeSpec =
  | {
      strategy: 'mean' | 'median';
      /** Also emit a `<column>__missing` 0/1 feature; default false. */
      indicator?: boolean;
    }
  | {
      strategy: 'constant';
      /** The fill value. */
      value: number;
      /** Also emit a `<column>__missing` 0/1 feature; default false. */
      indicator?: boolean;
    };

/** Scaling fitted on the training split: z-score, to [0, 1], or (x − median) / IQR. */
export type ScaleSpec = 'standard' | 'minmax' | 'robust';

/** A numeric feature: impute → log1p → scale, each step optional, in that order. */
export interface NumericFeatureSpec {
  kind: 'numeric';
  /** Input column name (a `Float64Array`). */
  column: string;
  /** Default none: NaN is then an error. */
  impute?: ImputeSpec;
  /** Apply `log1p` after imputation; values must be > −1 (an error names the row otherwise). Default false. */
  log1p?: boolean;
  /** Default none. */
  scale?: ScaleSpec;
}

/** A categorical feature one-hot encoded, with `__unseen__` (and, with `maxCategories`, `__other__`) buckets. */
export interface OneHotFeatureSpec {
  kind: 'one-hot';
  /** Input column name (strings, `null` for missing; numbers are stringified). */
  column: string;
  /**
   * Keep at most this many columns for training categories, the `__other__` bucket included (as
   * scikit-learn's `max_categories`): the most frequent categories stay, the rest share `__other__`.
   * Default unlimited.
   */
  maxCategories?: number;
}

/** One input column's treatment. */
export type FeatureSpec = NumericFeatureSpec | OneHotFeatureSpec;

/** Declarative preprocessing: plain data, features emitted in this order. */
export interface PreprocessorSpec {
  features: FeatureSpec[];
}
