import { checkRegressionInput } from './check-regression-input.js';
import { computeR2 } from './compute-r2.js';
import { computeRegressionErrors, type RegressionErrors } from './compute-regression-errors.js';
import type { RegressionInput } from './regression-input.js';
import { computeOrNull, type UndefinedMetric } from './undefined-metric.js';

/** Every regression metric of one evaluation. */
export interface RegressionEvaluation extends RegressionErrors {
  rows: number;
  /** `null` with fewer than two rows; see `undefinedMetrics`. */
  r2: number | null;
  undefinedMetrics: UndefinedMetric[];
}

/** MAE, RMSE and R² (scikit-learn conventions, weighted when `sampleWeight` is given). */
export function evaluateRegression(input: RegressionInput): RegressionEvaluation {
  checkRegressionInput(input);
  const undefinedMetrics: UndefinedMetric[] = [];
  return {
    rows: input.yTrue.length,
    ...computeRegressionErrors(input),
    r2: computeOrNull(() => computeR2(input), undefinedMetrics),
    undefinedMetrics,
  };
}
