import { InvalidInputError } from '../errors.js';
import { checkSampleWeight } from './check-sample-weight.js';

/** A k × k confusion matrix, rows = true class, columns = predicted class. */
export interface MulticlassConfusion {
  numClasses: number;
  /** Row-major k × k (weighted) counts: `matrix[t*k + p]`. */
  matrix: Float64Array;
  /** 1 for classes that occur in `yTrue` or `yPred` (any weight): scikit-learn's `unique_labels`. */
  present: Uint8Array;
}

/** Options of {@link computeMulticlassConfusion}. */
export interface ComputeMulticlassConfusionOptions {
  /** True class per row, 0 .. numClasses − 1. */
  yTrue: Int32Array;
  /** Predicted class per row (e.g. `predictClasses(yProba, k)`). */
  yPred: Int32Array;
  numClasses: number;
  /** Non-negative weight per row; default 1. */
  sampleWeight?: Float64Array;
}

/** Confusion matrix, as scikit-learn `confusion_matrix(y, p, labels=range(k), sample_weight=w)`. */
export function computeMulticlassConfusion(options: ComputeMulticlassConfusionOptions): MulticlassConfusion {
  const { yTrue, yPred, numClasses: k, sampleWeight } = options;
  if (yPred.length !== yTrue.length)
    throw new InvalidInputError('yPred', `has ${yPred.length} rows but yTrue has ${yTrue.length}`);
  checkSampleWeight(sampleWeight, yTrue.length);
  const matrix = new Float64Array(k * k);
  const present = new Uint8Array(k);
  for (let i = 0; i < yTrue.length; i++) {
    const t = yTrue[i]!;
    const p = yPred[i]!;
    if (t < 0 || t >= k || p < 0 || p >= k)
      throw new InvalidInputError('yTrue/yPred', `row ${i} holds class ${t}/${p}; classes are 0 .. ${k - 1}`);
    matrix[t * k + p] = matrix[t * k + p]! + (sampleWeight === undefined ? 1 : sampleWeight[i]!);
    present[t] = 1;
    present[p] = 1;
  }
  return { numClasses: k, matrix, present };
}
