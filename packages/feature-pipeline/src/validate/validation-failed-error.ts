import { FeaturePipelineError } from '../errors.js';
import { formatValidationReport } from './format-validation-report.js';
import type { ValidationReport } from './validation-report.js';

/**
 * A run whose input or features failed validation under its policy: nothing was committed. The report says
 * which expectations and input checks failed, with counts and sample rows.
 */
export class ValidationFailedError extends FeaturePipelineError {
  override name = 'ValidationFailedError';
  constructor(
    readonly report: ValidationReport,
    options?: ErrorOptions,
  ) {
    const failed = [
      ...report.input.filter((i) => i.action === 'rejected').map((i) => `input ${i.kind} (${i.count} rows)`),
      ...report.expectations.filter((e) => e.status === 'failed').map((e) => `${e.id} (${e.failingCount})`),
    ];
    super(
      `run ${report.runId} failed validation (policy ${report.policy}): ${failed.join(', ')}; nothing was committed. ` +
        'Fix the input or the expectations, or use the quarantine policy for row-level failures.\n' +
        formatValidationReport(report),
      options,
    );
  }
}
