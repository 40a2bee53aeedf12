import { InvalidStatisticInputError } from '../errors.js';

/** Regression metrics, defined as sklearn 1.2 defines them. */
export interface RegressionMetrics {
  rows: number;
  mae: number;
  rmse: number;
  /** 1 − SS_res / SS_tot; for a constant target 1 when the fit is perfect, else 0 (sklearn). */
  r2: number;
}

/**
 * Computes {@link RegressionMetrics} from observed and predicted values.
 * @throws InvalidStatisticInputError on empty or unequal inputs or non-finite values.
 */
export function computeRegressionMetrics(options: {
  actual: Float64Array;
  predicted: Float64Array;
}): RegressionMetrics {
  const { actual, predicted } = options;
  const n = actual.length;
  if (n === 0) throw new InvalidStatisticInputError('actual', 'is empty; performance needs labelled rows');
  if (predicted.length !== n) {
    throw new InvalidStatisticInputError('predicted', `has ${predicted.length} rows, labels have ${n}`);
  }
  let mean = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(actual[i]!) || !Number.isFinite(predicted[i]!)) {
      throw new InvalidStatisticInputError('actual', `row ${i} is not finite (label or prediction)`);
    }
    mean += actual[i]!;
  }
  mean /= n;
  let absolute = 0;
  let squared = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const error = actual[i]! - predicted[i]!;
    absolute += Math.abs(error);
    squared += error * error;
    total += (actual[i]! - mean) ** 2;
  }
  const r2 = total > 0 ? 1 - squared / total : squared === 0 ? 1 : 0;
  return { rows: n, mae: absolute / n, rmse: Math.sqrt(squared / n), r2 };
}
