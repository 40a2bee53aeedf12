import { checkMulticlassInput } from './check-multiclass-input.js';
import { computeMulticlassConfusion, type MulticlassConfusion } from './compute-multiclass-confusion.js';
import { computeMulticlassLogLoss } from './compute-multiclass-log-loss.js';
import type { MulticlassInput } from './multiclass-input.js';
import { predictClasses } from './predict-classes.js';
import { type MulticlassScores, scoreMulticlassConfusion } from './score-multiclass-confusion.js';

/** Every multiclass metric of one evaluation. */
export interface MulticlassEvaluation extends MulticlassScores {
  rows: number;
  logLoss: number;
  /** Confusion of the arg-max predictions; `matrix` is row-major k × k. */
  confusion: MulticlassConfusion;
}

/** Accuracy, macro/weighted F1, log loss and confusion matrix of arg-max predictions. */
export function evaluateMulticlass(input: MulticlassInput): MulticlassEvaluation {
  checkMulticlassInput(input);
  const yPred = predictClasses(input.yProba, input.numClasses);
  const options = { yTrue: input.yTrue, yPred, numClasses: input.numClasses };
  const confusion = computeMulticlassConfusion(
    input.sampleWeight === undefined ? options : { ...options, sampleWeight: input.sampleWeight },
  );
  return {
    rows: input.yTrue.length,
    ...scoreMulticlassConfusion(confusion),
    logLoss: computeMulticlassLogLoss(input),
    confusion,
  };
}
