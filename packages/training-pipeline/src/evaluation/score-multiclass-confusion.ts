import type { MulticlassConfusion } from './compute-multiclass-confusion.js';

/** Per-class and averaged scores of a multiclass confusion matrix. */
export interface MulticlassScores {
  accuracy: number;
  /** Unweighted mean of per-class F1 over present classes (scikit-learn `average="macro"`). */
  macroF1: number;
  /** Mean of per-class F1 weighted by true support (scikit-learn `average="weighted"`). */
  weightedF1: number;
  /** Per class 0 .. k − 1: precision, recall, F1 (0 on zero division) and true (weighted) support. */
  perClass: { precision: number; recall: number; f1: number; support: number }[];
}

/** Scores a confusion matrix with scikit-learn 1.2's defaults (`zero_division="warn"` → 0). */
export function scoreMulticlassConfusion(confusion: MulticlassConfusion): MulticlassScores {
  const { numClasses: k, matrix, present } = confusion;
  const perClass: MulticlassScores['perClass'] = [];
  let correct = 0;
  let total = 0;
  let macroSum = 0;
  let macroCount = 0;
  let weightedSum = 0;
  let supportSum = 0;
  for (let c = 0; c < k; c++) {
    let predicted = 0;
    let support = 0;
    for (let o = 0; o < k; o++) {
      predicted += matrix[o * k + c]!;
      support += matrix[c * k + o]!;
    }
    const tp = matrix[c * k + c]!;
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = support === 0 ? 0 : tp / support;
    const denominator = precision + recall;
    const f1 = denominator === 0 ? 0 : (2 * precision * recall) / denominator;
    perClass.push({ precision, recall, f1, support });
    correct += tp;
    total += support;
    if (present[c] === 1) {
      macroSum += f1;
      macroCount++;
    }
    weightedSum += f1 * support;
    supportSum += support;
  }
  return {
    accuracy: correct / total,
    macroF1: macroSum / macroCount,
    weightedF1: supportSum === 0 ? 0 : weightedSum / supportSum,
    perClass,
  };
}
