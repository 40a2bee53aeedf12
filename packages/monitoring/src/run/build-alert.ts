import type { Alert, Severity } from '../alerts/alert.js';
import type { MonitoringReport } from '../report/monitoring-report.js';

/**
 * Turns a report into at most one alert: `critical` when retraining fired or a metric degraded, `warning`
 * on dataset drift, a flagged volume, a schema change or other quality issues, else `info`. The incident is
 * `<job>:<severity>`, so the same condition repeating is one incident under the cooldown.
 */
export function buildAlert(report: MonitoringReport, reportUrl?: string): Alert {
  const findings: string[] = [];
  const { dataset } = report.drift;
  if (report.retrain.fire) findings.push(...report.retrain.reasons.map((r) => `retrain: ${r}`));
  for (const c of report.performance?.comparisons ?? []) {
    if (c.degraded)
      findings.push(
        `${c.metric} ${c.current?.toFixed(4)} against ${c.baseline} registered (drop ${c.drop?.toFixed(4)})`,
      );
  }
  if (dataset.datasetDrift)
    findings.push(`dataset drift: ${dataset.driftedColumns}/${dataset.evaluatedColumns} columns`);
  const drifted = report.drift.columns.filter((c) => c.drifted).map((c) => c.column);
  if (drifted.length) findings.push(`drifted: ${drifted.join(', ')}`);
  findings.push(...report.quality.issues);
  const severity: Severity =
    report.retrain.fire || report.performance?.degraded
      ? 'critical'
      : dataset.datasetDrift || report.quality.issues.length > 0
        ? 'warning'
        : 'info';
  const job = report.labels.job ?? 'monitoring';
  return {
    incident: `${job}:${severity}`,
    severity,
    title: `${job}: ${severity === 'info' ? 'no drift' : findings[0]}`,
    findings,
    ...(reportUrl ? { reportUrl } : {}),
  };
}
