import { checkRegressionInput } from './check-regression-input.js';
import type { RegressionInput } from './regression-input.js';

/** Mean absolute and root mean squared error. */
export interface RegressionErrors {
  mae: number;
  rmse: number;
}

/** MAE and RMSE, as scikit-learn `mean_absolute_error` and `mean_squared_error(squared=False)` (weighted). */
export function computeRegressionErrors(input: RegressionInput): RegressionErrors {
  checkRegressionInput(input);
  const { yTrue, yPred, sampleWeight } = input;
  let absolute = 0;
  let squared = 0;
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const w = sampleWeight === undefined ? 1 : sampleWeight[i]!;
    const d = yTrue[i]! - yPred[i]!;
    absolute += Math.abs(d) * w;
    squared += d * d * w;
    total += w;
  }
  return { mae: absolute / total, rmse: Math.sqrt(squared / total) };
}
