import {
  appendData,
  type CreateTableOptions,
  loadOrCreateTable,
  queryTable,
  type Table,
  type TableEnv,
} from '@fti/feature-store';
import type { MonitoringReport, RunPoint } from './monitoring-report.js';

/** The feature-store table holding one row per monitoring run (`monitoring.runs`), partitioned by month. */
export const RUNS_TABLE = {
  namespace: 'monitoring',
  name: 'runs',
  columns: [
    { name: 'run_id', type: 'string', required: true, doc: 'id of the run' },
    { name: 'run_at', type: 'timestamp', required: true, doc: 'run date (UTC)' },
    { name: 'job', type: 'string', required: true, doc: 'monitoring job name' },
    { name: 'dataset_drift_share', type: 'double', required: true, doc: 'share of drifted features' },
    { name: 'dataset_drift', type: 'boolean', required: true, doc: 'share ≥ the drift share' },
    { name: 'drifted_columns', type: 'long', required: true, doc: 'features that drifted' },
    { name: 'quality_issues', type: 'long', required: true, doc: 'data-quality issues' },
    { name: 'current_rows', type: 'long', required: true, doc: 'rows in the current window' },
    { name: 'retrain', type: 'boolean', required: true, doc: 'whether the retraining policy fired' },
    { name: 'metrics_json', type: 'string', required: true, doc: 'performance metrics as a JSON object' },
    { name: 'drift_json', type: 'string', required: true, doc: 'score per feature as a JSON object' },
  ],
  partition: [{ column: 'run_at', transform: 'month' }],
} satisfies CreateTableOptions;

/** Opens `monitoring.runs`, creating it on first use. */
export async function openRunsTable(env: TableEnv): Promise<Table> {
  return loadOrCreateTable(env, RUNS_TABLE);
}

/** Appends one run's summary to `monitoring.runs` (one Iceberg snapshot per run). */
export async function appendRun(table: Table, report: MonitoringReport): Promise<Table> {
  const row = {
    run_id: report.runId,
    run_at: new Date(report.runAt),
    job: report.labels.job ?? 'monitoring',
    dataset_drift_share: report.drift.dataset.share,
    dataset_drift: report.drift.dataset.datasetDrift,
    drifted_columns: BigInt(report.drift.dataset.driftedColumns),
    quality_issues: BigInt(report.quality.issues.length),
    current_rows: BigInt(report.current.rows),
    retrain: report.retrain.fire,
    metrics_json: JSON.stringify(report.performance?.metrics ?? {}),
    drift_json: JSON.stringify(Object.fromEntries(report.drift.columns.map((c) => [c.column, c.score]))),
  };
  return appendData(table, { kind: 'rows', rows: [row] });
}

/** Reads a job's past runs back, oldest first, at most `limit` (default 100) of the most recent ones; a re-run run id counts once. */
export async function readRunHistory(
  table: Table,
  options: { job: string; limit?: number },
): Promise<RunPoint[]> {
  const limit = options.limit ?? 100;
  const job = options.job.replaceAll("'", "''");
  const rows = await queryTable(
    table,
    (t) => `SELECT * FROM (SELECT run_id, epoch_ms(run_at) AS run_at_ms, dataset_drift_share, dataset_drift,
        quality_issues, current_rows, metrics_json FROM ${t} AS t WHERE job = '${job}'
        QUALIFY row_number() OVER (PARTITION BY run_id) = 1
        ORDER BY run_at DESC, run_id DESC LIMIT ${Math.max(0, Math.floor(limit))}) ORDER BY run_at_ms, run_id`,
  );
  return rows.map((r) => ({
    runId: String(r.run_id),
    runAt: new Date(Number(r.run_at_ms)).toISOString(),
    datasetDriftShare: Number(r.dataset_drift_share),
    datasetDrift: Boolean(r.dataset_drift),
    qualityIssues: Number(r.quality_issues),
    currentRows: Number(r.current_rows),
    metrics: JSON.parse(String(r.metrics_json)) as Record<string, number | null>,
  }));
}
