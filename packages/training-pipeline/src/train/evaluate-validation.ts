import type { DenseModel } from '@fti/model-runtime';
import { predictProbaSync, taskOf } from '@fti/model-runtime';
import { UndefinedMetricError } from '../errors.js';
import { computeLogLoss } from '../evaluation/compute-log-loss.js';
import { computeMulticlassLogLoss } from '../evaluation/compute-multiclass-log-loss.js';
import { computeRegressionErrors } from '../evaluation/compute-regression-errors.js';
import { computeRocAuc } from '../evaluation/compute-roc-auc.js';
import type { TrainingSet } from './training-set.js';

/** Validation metrics of one epoch. */
export interface ValidationMetrics {
  /** Log loss (classification) or mean squared error (regression), sample-weighted, as the package's metrics. */
  valLoss: number;
  /** ROC AUC for binary tasks; null for other tasks or when the validation rows hold one class. */
  valRocAuc: number | null;
}

/** Scores a model on validation rows with the package's evaluation functions (sklearn-checked). */
export function evaluateValidation(model: DenseModel, validation: TrainingSet): ValidationMetrics {
  const task = taskOf(model.spec);
  const scores = predictProbaSync(model, validation.x);
  const { sampleWeight } = validation;
  const weighted = sampleWeight ? { sampleWeight } : {};
  if (task.kind === 'binary') {
    const input = { yTrue: Uint8Array.from(validation.y), yScore: scores, ...weighted };
    return { valLoss: computeLogLoss(input), valRocAuc: rocAucOrNull(() => computeRocAuc(input)) };
  }
  if (task.kind === 'multiclass') {
    const input = {
      yTrue: Int32Array.from(validation.y),
      yProba: scores,
      numClasses: task.numClasses,
      ...weighted,
    };
    return { valLoss: computeMulticlassLogLoss(input), valRocAuc: null };
  }
  const { rmse } = computeRegressionErrors({
    yTrue: Float64Array.from(validation.y),
    yPred: scores,
    ...weighted,
  });
  return { valLoss: rmse * rmse, valRocAuc: null };
}

function rocAucOrNull(compute: () => number): number | null {
  try {
    return compute();
  } catch (error) {
    if (error instanceof UndefinedMetricError) return null;
    throw error;
  }
}
