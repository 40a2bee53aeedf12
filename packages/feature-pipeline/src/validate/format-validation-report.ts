import type { ValidationReport } from './validation-report.js';

const MARK = { passed: 'ok  ', failed: 'FAIL', skipped: 'skip' } as const;

/**
 * A readable summary of a validation report: the verdict, row counts, one line per input check with bad rows
 * and per expectation, and the first sample row of each failure.
 */
export function formatValidationReport(report: ValidationReport): string {
  const { rows } = report;
  const lines = [
    `validation ${report.passed ? 'passed' : 'FAILED'} (policy ${report.policy}, run ${report.runId}, run date ${report.runDate})`,
    `  input: ${rows.input} rows, ${rows.inputQuarantined} quarantined; features: ${rows.computed} rows, ${rows.valid} valid, ${rows.quarantined} quarantined`,
  ];
  for (const issue of report.input) {
    if (issue.count === 0) continue;
    const mark = issue.action === 'rejected' ? 'FAIL' : issue.action === 'quarantined' ? 'quar' : 'note';
    lines.push(`  ${mark} input ${issue.kind}: ${issue.message}`);
    if (issue.sample[0]) lines.push(`       e.g. ${JSON.stringify(issue.sample[0])}`);
  }
  for (const result of report.expectations) {
    lines.push(`  ${MARK[result.status]} ${result.id}: ${result.message}`);
    if (result.status === 'failed' && result.sample[0])
      lines.push(`       e.g. ${JSON.stringify(result.sample[0])}`);
  }
  return lines.join('\n');
}
