import { MonitoringError } from '../errors.js';

/** A monitoring run cannot read what its configuration points at (a table, a column, a stored profile). */
export class MonitoringInputError extends MonitoringError {
  override name = 'MonitoringInputError';
  /** The table, column or key at fault. */
  readonly subject: string;
  constructor(subject: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.subject = subject;
  }
}
