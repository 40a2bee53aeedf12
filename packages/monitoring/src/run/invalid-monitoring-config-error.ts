import { MonitoringError } from '../errors.js';

/** A monitoring configuration failed validation; `problems` lists each field at fault. */
export class InvalidMonitoringConfigError extends MonitoringError {
  override name = 'InvalidMonitoringConfigError';
  readonly source: string;
  readonly problems: string[];
  constructor(source: string, problems: string[], options?: ErrorOptions) {
    super(
      `${source} is not a valid monitoring configuration:\n${problems.join('\n')}\nFix the fields above (see the @fti/monitoring README, "Configuration")`,
      options,
    );
    this.source = source;
    this.problems = problems;
  }
}
