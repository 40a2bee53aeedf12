import { UndefinedMetricError } from '../errors.js';
import { buildBinaryCurve } from './binary-curve.js';
import type { BinaryInput } from './binary-input.js';
import { checkBinaryInput } from './check-binary-input.js';

/**
 * Area under the ROC curve, as scikit-learn 1.2 `roc_auc_score` for binary labels: tied scores form one
 * curve point, so a tie between a positive and a negative counts one half; trapezoidal area.
 * @throws UndefinedMetricError when only one class has weight (scikit-learn raises `ValueError`).
 */
export function computeRocAuc(input: BinaryInput): number {
  checkBinaryInput(input);
  const curve = buildBinaryCurve(input);
  if (curve.positives === 0 || curve.negatives === 0)
    throw new UndefinedMetricError(
      'rocAuc',
      `only one class present in yTrue (${curve.positives === 0 ? 'no positives' : 'no negatives'}); ` +
        'evaluate on a split that holds both classes',
    );
  let area = 0;
  let previousFpr = 0;
  let previousTpr = 0;
  for (let i = 0; i < curve.thresholds.length; i++) {
    const fpr = curve.fps[i]! / curve.negatives;
    const tpr = curve.tps[i]! / curve.positives;
    area += ((fpr - previousFpr) * (tpr + previousTpr)) / 2;
    previousFpr = fpr;
    previousTpr = tpr;
  }
  return area;
}
