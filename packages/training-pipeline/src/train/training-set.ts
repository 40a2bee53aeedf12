import type { FeatureRows } from '@fti/model-runtime';

/** Rows to train or validate on: features, targets and optional weights. */
export interface TrainingSet {
  /** Preprocessed features, row-major. */
  x: FeatureRows;
  /**
   * Target per row: 0/1 for binary, the class 0 .. k − 1 for multiclass, the value for regression.
   */
  y: Uint8Array | Int32Array | Float32Array | Float64Array;
  /**
   * Non-negative weight per row, multiplying its loss; default 1. For class weights pass
   * `expandClassWeights(labels, computeClassWeights({ labels }))`.
   */
  sampleWeight?: Float64Array;
}
