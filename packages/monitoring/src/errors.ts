/** Base class of every error thrown by `@fti/monitoring`. */
export class MonitoringError extends Error {
  override name = 'MonitoringError';
}

/** A statistic was asked for on a sample with no usable values (empty, or only NaN). */
export class EmptySampleError extends MonitoringError {
  override name = 'EmptySampleError';
  /** Which input was empty, e.g. `reference` or `current`, or a column name. */
  readonly sample: string;
  constructor(sample: string, options?: ErrorOptions) {
    super(
      `sample \`${sample}\` has no values after dropping NaN; drift needs at least one value on each side ` +
        '(check the window or the column, or let computeColumnDrift flag it instead of calling the statistic)',
      options,
    );
    this.sample = sample;
  }
}

/** An argument is out of its domain (negative counts, mismatched lengths, bad option). */
export class InvalidStatisticInputError extends MonitoringError {
  override name = 'InvalidStatisticInputError';
  /** The argument or option at fault. */
  readonly argument: string;
  constructor(argument: string, problem: string, options?: ErrorOptions) {
    super(`\`${argument}\` ${problem}`, options);
    this.argument = argument;
  }
}

/** The current data does not line up with the reference profiles (a column missing, or of another type). */
export class ColumnMismatchError extends MonitoringError {
  override name = 'ColumnMismatchError';
  /** One line per problem, e.g. `price: missing from the current data`. */
  readonly problems: string[];
  constructor(problems: string[], options?: ErrorOptions) {
    super(
      `current data does not match the reference profiles: ${problems.join('; ')}. ` +
        'Rebuild the reference profiles for the new schema or map the columns before computing drift',
      options,
    );
    this.problems = problems;
  }
}
