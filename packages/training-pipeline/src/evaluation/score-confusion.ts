import type { BinaryConfusion } from './binary-confusion.js';

/** Threshold metrics of a binary confusion matrix. */
export interface ConfusionScores {
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Accuracy, precision, recall and F1 from confusion counts, with scikit-learn 1.2's default
 * `zero_division="warn"` behaviour: a 0/0 precision (nothing predicted positive) or recall (no positives)
 * is 0, and F1 is 0 when precision + recall is 0. Returns values, never NaN.
 */
export function scoreConfusion(confusion: BinaryConfusion): ConfusionScores {
  const { tp, fp, tn, fn } = confusion;
  const predicted = tp + fp;
  const actual = tp + fn;
  const precision = predicted === 0 ? 0 : tp / predicted;
  const recall = actual === 0 ? 0 : tp / actual;
  const denominator = precision + recall;
  const f1 = denominator === 0 ? 0 : (2 * precision * recall) / denominator;
  return { accuracy: (tp + tn) / (tp + fp + tn + fn), precision, recall, f1 };
}
