/** Labels, predicted class probabilities and optional weights of a multiclass task. */
export interface MulticlassInput {
  /** True class per row, 0 .. numClasses − 1. */
  yTrue: Int32Array;
  /** Predicted probabilities, row-major n × numClasses (row i is `yProba[i*k .. i*k + k)`). */
  yProba: Float64Array;
  /** Number of classes k (>= 2). */
  numClasses: number;
  /** Non-negative weight per row; default every row weighs 1. */
  sampleWeight?: Float64Array;
}
