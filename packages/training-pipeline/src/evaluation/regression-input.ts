/** Targets, predictions and optional weights of a regression task. */
export interface RegressionInput {
  yTrue: Float64Array;
  yPred: Float64Array;
  /** Non-negative weight per row; default every row weighs 1. */
  sampleWeight?: Float64Array;
}
