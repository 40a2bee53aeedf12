import type { RunComparisonRow, RunRecord } from '@fti/training-pipeline';

/** Renders rows as a plain-text table with a header and aligned columns. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const num = (value: number | undefined, digits = 4) => (value === undefined ? '—' : value.toFixed(digits));

/** One line per run: id, status, model version and alias, validation ROC AUC and log loss, trials, seconds. */
export function formatRunList(runs: readonly RunRecord[]): string {
  return formatTable(
    ['run', 'status', 'model', 'alias', 'roc_auc', 'log_loss', 'trials', 'seconds', 'commit'],
    runs.map((r) => [
      r.runId,
      r.status,
      r.model ? `${r.model.name}@${r.model.version}` : '—',
      r.model?.alias ?? '—',
      num(r.metrics.roc_auc),
      num(r.metrics.log_loss),
      String(r.trials.length),
      ((r.finishedAtMs - r.startedAtMs) / 1000).toFixed(1),
      r.gitCommit?.slice(0, 7) ?? '—',
    ]),
  );
}

const text = (value: RunComparisonRow['a']) =>
  value === null
    ? '—'
    : typeof value === 'number' && !Number.isInteger(value)
      ? value.toPrecision(6)
      : String(value);

/** The fields two runs differ in (all fields with `all`), with b − a for numbers. */
export function formatRunComparison(
  rows: readonly RunComparisonRow[],
  ids: [string, string],
  options: { all?: boolean } = {},
): string {
  const shown = rows.filter((r) => options.all || r.differs || r.field.startsWith('metrics.'));
  return formatTable(
    ['field', ids[0], ids[1], 'delta'],
    shown.map((r) => [
      r.field,
      text(r.a),
      text(r.b),
      r.delta === null ? '' : `${r.delta >= 0 ? '+' : ''}${r.delta.toPrecision(4)}`,
    ]),
  );
}
