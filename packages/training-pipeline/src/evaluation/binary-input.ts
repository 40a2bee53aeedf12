/** Labels, scores and optional weights of a binary classification task, one entry per row. */
export interface BinaryInput {
  /** True labels, 0 (negative) or 1 (positive). */
  yTrue: Uint8Array;
  /** Predicted probability (or any score, for ranking metrics) of the positive class. */
  yScore: Float64Array;
  /** Non-negative weight per row; default every row weighs 1. */
  sampleWeight?: Float64Array;
}
