// The runtime's input errors are thrown by preprocessing and models, which moved to @fti/model-runtime;
// re-exported so `@fti/training-pipeline` keeps exporting the classes its callers catch.
export { ColumnValueError, InvalidInputError } from '@fti/model-runtime';

/** Base class of every error thrown by `@fti/training-pipeline`. */
export class TrainingPipelineError extends Error {
  override name = 'TrainingPipelineError';
}

/**
 * A metric is undefined for this input (ROC AUC with one class only), where scikit-learn raises. Evaluation
 * reports catch it and record `null` with the reason instead.
 */
export class UndefinedMetricError extends TrainingPipelineError {
  override name = 'UndefinedMetricError';
  /** The metric that cannot be computed, e.g. `rocAuc`. */
  readonly metric: string;
  constructor(metric: string, reason: string, options?: ErrorOptions) {
    super(`${metric} is undefined: ${reason}`, options);
    this.metric = metric;
  }
}

/** Why a training set cannot be built or split. */
export type DatasetProblem =
  | 'missing-label'
  | 'constant-label'
  | 'non-finite-feature'
  | 'empty-split'
  | 'unknown-column';

/**
 * The training set is unusable: a label is missing or constant, a feature holds NaN (not imputed) or ±Inf,
 * a split is empty after the join. `.problem` says which, `.column` names the column when one is to blame.
 */
export class DatasetError extends TrainingPipelineError {
  override name = 'DatasetError';
  readonly problem: DatasetProblem;
  /** The column at fault, when one is to blame. */
  readonly column: string | undefined;
  constructor(problem: DatasetProblem, message: string, column?: string, options?: ErrorOptions) {
    super(message, options);
    this.problem = problem;
    this.column = column;
  }
}

/** A search space (or a parameter it produces) is invalid; `.path` names the parameter. */
export class InvalidSearchSpaceError extends TrainingPipelineError {
  override name = 'InvalidSearchSpaceError';
  /** The parameter at fault (`train.optimizer.learningRate`), or `''` for the whole space. */
  readonly path: string;
  constructor(path: string, problem: string, options?: ErrorOptions) {
    super(`search space${path === '' ? '' : ` parameter \`${path}\``}: ${problem}`, options);
    this.path = path;
  }
}

/** No training run with this id is stored (or its record is unreadable). */
export class RunNotFoundError extends TrainingPipelineError {
  override name = 'RunNotFoundError';
  readonly runId: string;
  constructor(runId: string, detail: string, options?: ErrorOptions) {
    super(`training run \`${runId}\` ${detail}`, options);
    this.runId = runId;
  }
}
