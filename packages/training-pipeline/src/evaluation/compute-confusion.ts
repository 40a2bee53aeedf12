import type { BinaryConfusion } from './binary-confusion.js';
import type { BinaryInput } from './binary-input.js';
import { checkBinaryInput } from './check-binary-input.js';

/** Options of {@link computeConfusion}. */
export interface ComputeConfusionOptions extends BinaryInput {
  /** Predict positive when `score >= threshold` (scikit-learn's ROC-curve convention); default 0.5. */
  threshold?: number;
}

/** Confusion matrix at a threshold, as scikit-learn `confusion_matrix(y, score >= t, sample_weight=w)`. */
export function computeConfusion(options: ComputeConfusionOptions): BinaryConfusion {
  checkBinaryInput(options);
  const { yTrue, yScore, sampleWeight } = options;
  const threshold = options.threshold ?? 0.5;
  const counts = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (let i = 0; i < yTrue.length; i++) {
    const w = sampleWeight === undefined ? 1 : sampleWeight[i]!;
    const predicted = yScore[i]! >= threshold;
    if (yTrue[i] === 1) {
      if (predicted) counts.tp += w;
      else counts.fn += w;
    } else if (predicted) counts.fp += w;
    else counts.tn += w;
  }
  return counts;
}
