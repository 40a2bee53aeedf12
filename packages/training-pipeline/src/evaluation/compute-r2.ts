import { UndefinedMetricError } from '../errors.js';
import { checkRegressionInput } from './check-regression-input.js';
import type { RegressionInput } from './regression-input.js';

/**
 * Coefficient of determination, as scikit-learn 1.2 `r2_score` (default `force_finite=True`): perfect
 * predictions give 1 even for a constant `yTrue`, imperfect predictions of a constant `yTrue` give 0
 * (instead of −Inf). A constant `yTrue` is detected exactly (all positive-weight values equal), so its
 * total sum of squares is 0 even where scikit-learn's rounded mean leaves a tiny non-zero one.
 * @throws UndefinedMetricError with fewer than two rows (scikit-learn warns and returns NaN).
 */
export function computeR2(input: RegressionInput): number {
  checkRegressionInput(input);
  const { yTrue, yPred, sampleWeight } = input;
  if (yTrue.length < 2)
    throw new UndefinedMetricError('r2', 'R² is not well-defined with fewer than two rows');
  let sum = 0;
  let total = 0;
  let first = Number.NaN;
  let constant = true;
  for (let i = 0; i < yTrue.length; i++) {
    const w = sampleWeight === undefined ? 1 : sampleWeight[i]!;
    sum += yTrue[i]! * w;
    total += w;
    if (w > 0) {
      if (Number.isNaN(first)) first = yTrue[i]!;
      else if (yTrue[i] !== first) constant = false;
    }
  }
  const mean = sum / total;
  let numerator = 0;
  let denominator = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const w = sampleWeight === undefined ? 1 : sampleWeight[i]!;
    const residual = yTrue[i]! - yPred[i]!;
    const spread = yTrue[i]! - mean;
    numerator += w * (residual * residual);
    denominator += w * (spread * spread);
  }
  if (constant) denominator = 0;
  if (numerator === 0) return 1;
  if (denominator === 0) return 0;
  return 1 - numerator / denominator;
}
