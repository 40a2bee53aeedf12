import { buildBinaryCurve } from './binary-curve.js';
import type { BinaryInput } from './binary-input.js';
import { checkBinaryInput } from './check-binary-input.js';

/**
 * Average precision, as scikit-learn 1.2 `average_precision_score`: the step-wise sum
 * Σ (Rₙ − Rₙ₋₁)·Pₙ over distinct thresholds, with no interpolation. This is the usual "PR AUC"; it is not
 * the trapezoidal area under the PR curve (`auc(recall, precision)`), which linearly interpolates precision
 * and is optimistic. With no positive weight it returns 0, as scikit-learn does (with a warning there).
 */
export function computeAveragePrecision(input: BinaryInput): number {
  checkBinaryInput(input);
  const curve = buildBinaryCurve(input);
  if (curve.positives === 0) return 0;
  let sum = 0;
  let previousRecall = 0;
  for (let i = 0; i < curve.thresholds.length; i++) {
    const tp = curve.tps[i]!;
    const predicted = tp + curve.fps[i]!;
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = tp / curve.positives;
    sum += (recall - previousRecall) * precision;
    previousRecall = recall;
  }
  return sum;
}
