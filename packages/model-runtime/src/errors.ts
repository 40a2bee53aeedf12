/** Base class of every error thrown by `@fti/model-runtime`. */
export class ModelRuntimeError extends Error {
  override name = 'ModelRuntimeError';
}

/** An argument is malformed: mismatched lengths, labels outside the allowed set, an option out of range. */
export class InvalidInputError extends ModelRuntimeError {
  override name = 'InvalidInputError';
  /** The argument or option at fault, e.g. `yScore` or `sampleWeight`. */
  readonly argument: string;
  constructor(argument: string, problem: string, options?: ErrorOptions) {
    super(`\`${argument}\` ${problem}`, options);
    this.argument = argument;
  }
}

/** A feature column cannot be fitted or transformed: missing, NaN/Inf without imputation, out of domain. */
export class ColumnValueError extends ModelRuntimeError {
  override name = 'ColumnValueError';
  /** The column at fault. */
  readonly column: string;
  /** First offending row index, when one row is to blame. */
  readonly row: number | undefined;
  /** What is wrong, without the column and row. */
  readonly problem: string;
  constructor(column: string, problem: string, row?: number, options?: ErrorOptions) {
    super(`column \`${column}\`${row === undefined ? '' : ` (row ${row})`}: ${problem}`, options);
    this.column = column;
    this.row = row;
    this.problem = problem;
  }
}
