/** Base class of every error thrown by `@fti/inference-pipeline`. */
export class InferencePipelineError extends Error {
  override name = 'InferencePipelineError';
}

/** One way an input table disagrees with a model's signature. */
export interface SignatureProblem {
  /** The signature input at fault. */
  column: string;
  /** `missing`: no such column; `type`: the column's type cannot feed the input. */
  problem: 'missing' | 'type';
  /** What the model expects and what the table has (`float` vs `string`). */
  expected: string;
  actual: string | null;
}

/**
 * The input table cannot feed the model: a signature input is missing or has an incompatible type. Every
 * problem is listed in `.problems`, so one run shows the whole fix.
 */
export class SignatureMismatchError extends InferencePipelineError {
  override name = 'SignatureMismatchError';
  readonly model: string;
  readonly table: string;
  readonly problems: SignatureProblem[];
  constructor(model: string, table: string, problems: SignatureProblem[], options?: ErrorOptions) {
    const list = problems
      .map((p) =>
        p.problem === 'missing'
          ? `\`${p.column}\` is missing`
          : `\`${p.column}\` is ${p.actual} but the model needs ${p.expected}`,
      )
      .join('; ');
    super(
      `model ${model} cannot score table \`${table}\`: ${list}; score a table with the columns the model was trained on, or retrain the model on this table`,
      options,
    );
    this.model = model;
    this.table = table;
    this.problems = problems;
  }
}

/**
 * A registered version is not servable: an artifact is missing (`preprocessing.json`, `model.json`), or its
 * preprocessing, weights and signature disagree. `.model` names the version (`churn@3`).
 */
export class UnservableModelError extends InferencePipelineError {
  override name = 'UnservableModelError';
  readonly model: string;
  constructor(model: string, problem: string, options?: ErrorOptions) {
    super(`model ${model} cannot be served: ${problem}`, options);
    this.model = model;
  }
}

/** A scoring option or input is invalid (`--shard 3/2`, an empty key list); `.option` names it. */
export class InvalidScoringInputError extends InferencePipelineError {
  override name = 'InvalidScoringInputError';
  readonly option: string;
  constructor(option: string, problem: string, options?: ErrorOptions) {
    super(`\`${option}\` ${problem}`, options);
    this.option = option;
  }
}
