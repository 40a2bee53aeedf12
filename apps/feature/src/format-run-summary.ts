import { formatValidationReport, type RunSummary } from '@fti/feature-pipeline';

/** The run summary as a few readable lines: what was committed where, rows per date, validation, timings. */
export function formatRunSummary(summary: RunSummary): string {
  const dates = Object.entries(summary.rowsPerDate);
  const counts = dates.map(([, n]) => n);
  const perDate =
    dates.length <= 4
      ? dates.map(([d, n]) => `${d}: ${n}`).join(', ')
      : `${dates.length} dates ${dates[0]?.[0]} … ${dates.at(-1)?.[0]}, ${Math.min(...counts)}–${Math.max(...counts)} rows each`;
  const t = summary.durationMs;
  const lines = [
    `run ${summary.runId}: ${summary.definition.name} v${summary.definition.version} (${summary.definition.status}, hash ${summary.definition.hash.slice(0, 12)}) on ${summary.engine}`,
    `  features → ${summary.features.table} @ ${summary.features.snapshotId}: ${summary.features.rows} rows (${perDate})`,
  ];
  if (summary.labels)
    lines.push(
      `  labels   → ${summary.labels.table} @ ${summary.labels.snapshotId}: ${summary.labels.rows} rows`,
    );
  if (summary.quarantine)
    lines.push(
      `  set aside → ${summary.quarantine.table} @ ${summary.quarantine.snapshotId}: ${summary.quarantine.rows} rows`,
    );
  lines.push(
    formatValidationReport(summary.validation)
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n'),
    `  time: ${(t.total / 1000).toFixed(2)} s (extract ${t.extract} ms, input checks ${t.checkInput} ms, transform ${t.transform} ms, validate ${t.validate} ms, load ${t.load} ms)`,
  );
  return lines.join('\n');
}
