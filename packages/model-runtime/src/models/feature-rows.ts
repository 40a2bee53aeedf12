/** A row-major float matrix: the `values`, `rows` and `width` of a preprocessed `FeatureMatrix`. */
export interface FeatureRows {
  /** Row-major `rows × width` values. */
  values: Float32Array;
  rows: number;
  width: number;
}
