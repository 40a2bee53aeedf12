import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TableEnv } from '@fti/feature-store';
import { loadTable } from '@fti/feature-store';
import { getVersion, type ModelRegistry } from '@fti/model-registry';
import {
  MODEL_REFERENCE_PATH,
  type MonitoringConfig,
  parseMonitoringConfig,
  runMonitoring,
} from '@fti/monitoring';

/** What the loop's model monitoring found. */
export interface ModelMonitoringSummary {
  model: string;
  version: number;
  /** Rows of the recorded training set, and whether its stored profile was reused (not read again). */
  reference: { rows: number; profile: 'reused' | 'built'; key: string };
  /** Prediction-log rows of the scored date and run. */
  currentRows: number;
  /** `inputs and score`, or `score only` while the prediction log has no input feature columns. */
  monitored: 'inputs and score' | 'score only';
  driftedColumns: number;
  evaluatedColumns: number;
  datasetDrift: boolean;
  /** Prediction drift: the drift of `score`. */
  score: { method: string | null; value: number | null; drifted: boolean } | null;
  qualityIssues: number;
  /** The model-monitoring job's retraining policy fired. */
  retrain: boolean;
  html: string;
  seconds: number;
}

/**
 * Monitors the model just used for scoring: its recorded training set (the registry's `reference.parquet`)
 * against the prediction log rows of the scored date and scoring run. When the log does not hold the model's
 * input columns, only `score` is monitored (and the summary says so). Returns null, saying why, for a version
 * registered before training recorded its training set.
 */
export async function monitorModel(options: {
  env: TableEnv;
  registry: ModelRegistry;
  /** The model-monitoring job (`examples/online-retail/model-monitoring-job.yaml`). */
  configPath: string;
  model: { name: string; version: number };
  featureDate: string;
  scoringRunId: string;
  /** Folder of the reports and the Prometheus textfile (`<job>.prom`). */
  outputsDir: string;
  log: (message: string) => void;
}): Promise<ModelMonitoringSummary | null> {
  const { env, model } = options;
  const started = performance.now();
  const parsed = parseMonitoringConfig(await readFile(options.configPath, 'utf8'), options.configPath);
  if (parsed.current.kind !== 'table') throw new Error(`${options.configPath}: current must be a table`);
  const logTable = await loadTable(env, tableId(parsed.current.table));
  const { metadata } = logTable.loaded;
  const logged = new Set(
    (metadata.schemas.find((s) => s.schemaId === metadata.currentSchemaId)?.fields ?? []).map((f) => f.name),
  );
  const record = await getVersion(options.registry, { name: model.name, version: model.version });
  if (!record.artifacts.some((a) => a.path === MODEL_REFERENCE_PATH)) {
    options.log(
      `    skipped: ${model.name}@${model.version} was registered without its training set (${MODEL_REFERENCE_PATH}); model monitoring starts once a retrained version holds staging`,
    );
    return null;
  }
  const inputs = record.signature.inputs.map((i) => i.name);
  const inputsLogged = inputs.every((name) => logged.has(name));
  if (!inputsLogged)
    options.log(
      `    the prediction log has no input feature columns yet (${inputs.filter((n) => !logged.has(n)).length} of ${inputs.length} missing): monitoring \`score\` only`,
    );
  const next = new Date(Date.parse(options.featureDate) + 86_400_000).toISOString().slice(0, 10);
  const config: MonitoringConfig = {
    ...parsed,
    reference: { kind: 'model', model: model.name, version: model.version },
    current: {
      ...parsed.current,
      window: { column: 'feature_date', from: options.featureDate, to: next },
      filter: { model_name: model.name, model_version: model.version, run_id: options.scoringRunId },
    },
    ...(inputsLogged ? {} : { columns: ['score'] }),
    outputs: {
      ...parsed.outputs,
      dir: options.outputsDir,
      prometheus: { textfile: join(options.outputsDir, `${parsed.job}.prom`) },
    },
  };
  // Dated at the end of the scored day, so the report is the same on every machine.
  const result = await runMonitoring(config, {
    env,
    registry: options.registry,
    now: () => Date.parse(next),
  });
  const { report } = result;
  const stored = report.reference.model!;
  const score = report.drift.columns.find((c) => c.column === 'score');
  return {
    model: model.name,
    version: model.version,
    reference: {
      rows: report.reference.rows,
      profile: stored.reused ? 'reused' : 'built',
      key: stored.profileKey,
    },
    currentRows: report.current.rows,
    monitored: inputsLogged ? 'inputs and score' : 'score only',
    driftedColumns: report.drift.dataset.driftedColumns,
    evaluatedColumns: report.drift.dataset.evaluatedColumns,
    datasetDrift: report.drift.dataset.datasetDrift,
    score: score ? { method: score.method, value: score.score, drifted: score.drifted } : null,
    qualityIssues: report.quality.issues.length,
    retrain: report.retrain.fire,
    html: result.files.html,
    seconds: (performance.now() - started) / 1000,
  };
}

function tableId(name: string): { namespace: string; name: string } {
  const [namespace, table] = name.split('.') as [string, string];
  return { namespace, name: table };
}
