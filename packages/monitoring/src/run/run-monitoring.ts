import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ObjectStore, TableEnv } from '@fti/feature-store';
import type { ModelRegistry } from '@fti/model-registry';
import { SEVERITY_ORDER } from '../alerts/alert.js';
import { dispatchAlert } from '../alerts/dispatch-alert.js';
import { computeDrift } from '../drift/compute-drift.js';
import type { ColumnProfile } from '../profile/serialize-profile.js';
import { computeDataQuality } from '../quality/compute-data-quality.js';
import { buildDistribution } from '../report/build-distribution.js';
import {
  type Delivery,
  type MonitoringReport,
  MonitoringReportSchema,
  type RunPoint,
} from '../report/monitoring-report.js';
import { pushToPushgateway } from '../report/push-to-pushgateway.js';
import { renderHtmlReport } from '../report/render-html-report.js';
import { renderPrometheus } from '../report/render-prometheus.js';
import { appendRun, openRunsTable, readRunHistory } from '../report/runs-table.js';
import { writePrometheusTextfile } from '../report/write-prometheus-textfile.js';
import { evaluateRetrainPolicy, RETRAIN_EXIT_CODE } from '../retrain/retrain-policy.js';
import { writeRetrainEvent } from '../retrain/write-retrain-event.js';
import { buildAlert } from './build-alert.js';
import { computePerformanceSection } from './compute-performance-section.js';
import { loadFrame } from './load-frame.js';
import { loadModelReference, type ModelReferenceInfo } from './load-model-reference.js';
import type { MonitoringConfig } from './monitoring-config.js';
import { MonitoringInputError } from './monitoring-input-error.js';
import { profileFrame, type Reference, readStoredProfile, writeStoredProfile } from './stored-profile.js';

/** What a run needs from outside: the warehouse, a clock, and optional hooks. */
export interface MonitoringContext {
  env: TableEnv;
  /** Object store for stored profiles, reports, alert state and retraining events; default the warehouse's. */
  store?: ObjectStore;
  /** The model registry, for `reference.kind: model`; default none. */
  registry?: ModelRegistry;
  /** Epoch ms; the run date. Default the warehouse clock. */
  now?: () => number;
  /** Waits between webhook retries; default `setTimeout`. */
  sleep?: (ms: number) => Promise<void>;
  /** Progress lines; default silent. */
  log?: (line: string) => void;
}

/** What a run produced. */
export interface MonitoringResult {
  report: MonitoringReport;
  /** 0 when healthy, {@link RETRAIN_EXIT_CODE} when the retraining policy fired. */
  exitCode: number;
  /** Paths of the written JSON and HTML reports. */
  files: { json: string; html: string };
}

/**
 * One monitoring run: read the reference (a table window, a stored profile, or a model's recorded training
 * set, profiled once and reused) and the current window (a table window, e.g. a prediction log), score
 * drift per column and for the dataset, check data quality, join labels and compute performance and
 * fairness when configured, decide on retraining, alert, and write every output (JSON, HTML, Prometheus,
 * runs table). Outputs that fail (a webhook down, a Pushgateway unreachable) are recorded in the report's
 * deliveries and warnings; the report is still written and the run does not throw for them.
 * @throws MonitoringInputError when a configured table, column or stored profile does not exist.
 */
export async function runMonitoring(
  config: MonitoringConfig,
  ctx: MonitoringContext,
): Promise<MonitoringResult> {
  const log = ctx.log ?? (() => {});
  const store = ctx.store ?? ctx.env.files.store;
  const now = (ctx.now ?? ctx.env.now)();
  const runAt = new Date(now).toISOString();
  const runId = `${config.job}-${runAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`;
  const warnings: string[] = [];

  const { reference, model } = await loadReference(config, ctx, log);
  if (config.outputs.saveReferenceProfile) {
    await writeStoredProfile(store, config.outputs.saveReferenceProfile, reference);
    log(`saved the reference profile to ${config.outputs.saveReferenceProfile}`);
  }
  const monitored = config.aggregate
    ? Object.keys(reference.profiles)
    : (config.columns ??
      (model
        ? [...model.inputs, 'score'].filter((c) => c in reference.profiles)
        : Object.keys(reference.profiles)));
  log(
    `current: ${config.current.table}${config.current.window ? ` ${config.current.window.from} → ${config.current.window.to}` : ''}`,
  );
  const current = await loadFrame({
    env: ctx.env,
    source: config.current,
    columns: monitored,
    skipMissingColumns: true,
    ...(config.aggregate ? { aggregate: config.aggregate } : {}),
    ...(config.timeColumn ? { timeColumn: config.timeColumn } : {}),
  });
  if (current.rows === 0)
    warnings.push(
      `current window ${current.description} has no rows: drift is not scored (check the window dates or whether the data has landed)`,
    );
  if (reference.rows === 0)
    warnings.push(
      `reference ${reference.description} has no rows: drift is not scored (choose a window with data)`,
    );

  const profiles: Record<string, ColumnProfile> = {};
  for (const column of monitored) {
    const profile = reference.profiles[column];
    const values = current.columns[column];
    if (!profile) warnings.push(`column \`${column}\` has no reference profile; not monitored`);
    else if (!values) warnings.push(`column \`${column}\` is missing from the current data; not scored`);
    else if (values instanceof Float64Array !== (profile.kind === 'numeric')) {
      warnings.push(
        `column \`${column}\` is ${profile.kind} in the reference but not in the current data; not scored`,
      );
    } else profiles[column] = profile;
  }
  const checks = Object.fromEntries(Object.entries(config.overrides).map(([c, o]) => [c, { ...o }]));
  const drift = computeDrift({
    profiles,
    current: current.columns,
    checks,
    driftShare: config.thresholds.driftShare,
  });
  const monitoredProfiles = Object.fromEntries(
    monitored.flatMap((c) => (reference.profiles[c] ? [[c, reference.profiles[c]]] : [])),
  );
  // A model reference is compared on the monitored columns only (a prediction log's keys, run id, ... are
  // not schema changes) and by type family (an `int` feature recorded as a double is not a change).
  const pick = (schema: Record<string, string>) =>
    config.aggregate || (!config.columns && !model)
      ? schema
      : Object.fromEntries(
          Object.entries(schema)
            .filter(([c]) => monitored.includes(c))
            .map(([c, t]) => [c, model ? typeFamily(t) : t]),
        );
  const quality = computeDataQuality({
    profiles: monitoredProfiles,
    current: current.columns,
    schema: { reference: pick(reference.schema), current: pick(current.types) },
    volume: {
      referenceRows: reference.rows,
      currentRows: current.rows,
      ...(reference.days && current.days ? { referenceDays: reference.days, currentDays: current.days } : {}),
      comparable: model === null,
    },
    ...((config.timeColumn ?? config.current.window?.column ?? config.aggregate?.timeColumn)
      ? { freshness: { times: Float64Array.of(current.latestTime ?? Number.NaN), runAt: now } }
      : {}),
    thresholds: config.thresholds,
  });

  let performance = null;
  let fairness = null;
  if (config.performance) {
    const section = await computePerformanceSection({ env: ctx.env, config: config.performance });
    performance = section.performance;
    fairness = section.fairness;
    warnings.push(...section.warnings);
  }

  const policy = config.retrain ?? {};
  const decision = evaluateRetrainPolicy(policy, {
    driftShare: drift.dataset.share,
    degradedMetrics: performance?.comparisons.filter((c) => c.degraded).map((c) => c.metric) ?? [],
    ...(policy.modelTrainedAt ? { modelTrainedAt: Date.parse(policy.modelTrainedAt) } : {}),
    now,
  });
  const labels = { job: config.job, ...config.labels };
  const reportKey = config.outputs.storeReport ? `monitoring/reports/${config.job}/${runId}.json` : null;
  let eventKey: string | null = null;
  if (decision.fire) {
    eventKey = await writeRetrainEvent(store, {
      kind: 'fti.retrain',
      version: 1,
      createdAt: runAt,
      job: config.job,
      runId,
      reasons: decision.reasons,
      labels,
      reportKey,
    });
    log(`retraining policy fired: ${decision.reasons.join('; ')} → ${eventKey}`);
  }

  const runsTable = config.outputs.runsTable ? await openRunsTable(ctx.env) : null;
  const history: RunPoint[] = runsTable
    ? await readRunHistory(runsTable, { job: config.job, limit: 99 })
    : [];
  const draft: MonitoringReport = {
    version: 1,
    runId,
    runAt,
    labels,
    reference: {
      description: reference.description,
      rows: reference.rows,
      ...(model
        ? {
            model: {
              model: model.model,
              version: model.version,
              alias: model.alias,
              split: model.split,
              sha256: model.sha256,
              profileKey: model.profileKey,
              reused: model.reused,
            },
          }
        : {}),
    },
    current: { description: current.description, rows: current.rows },
    drift,
    distributions: Object.entries(profiles).map(([column, profile]) =>
      buildDistribution({ column, profile, current: current.columns[column]! }),
    ),
    quality,
    performance,
    fairness,
    retrain: { ...decision, exitCode: decision.fire ? RETRAIN_EXIT_CODE : 0, eventKey },
    deliveries: [],
    trend: [],
    warnings,
  };
  draft.trend = [
    ...history.filter((r) => r.runId !== runId),
    {
      runId,
      runAt,
      datasetDriftShare: drift.dataset.share,
      datasetDrift: drift.dataset.datasetDrift,
      qualityIssues: quality.issues.length,
      currentRows: current.rows,
      metrics: performance?.metrics ?? {},
    },
  ];

  const deliveries: Delivery[] = [];
  const dir = config.outputs.dir;
  const files = { json: join(dir, `${runId}.json`), html: join(dir, `${runId}.html`) };
  if (config.alerts) {
    const alert = buildAlert(draft, files.html);
    if (SEVERITY_ORDER.indexOf(alert.severity) < SEVERITY_ORDER.indexOf(config.alerts.minSeverity)) {
      deliveries.push({
        target: 'webhook',
        status: 'skipped',
        attempts: 0,
        detail: `severity ${alert.severity} is below ${config.alerts.minSeverity}`,
      });
    } else {
      deliveries.push(
        await dispatchAlert({
          alert,
          url: config.alerts.webhook,
          store,
          now: () => now,
          cooldownMs: config.alerts.cooldownHours * 3_600_000,
          stateKey: `monitoring/alerts/${config.job}.json`,
          ...(config.alerts.retry ? { retry: config.alerts.retry } : {}),
          ...(ctx.sleep ? { sleep: ctx.sleep } : {}),
        }),
      );
    }
  }
  const prometheus = config.outputs.prometheus;
  if (prometheus?.textfile) {
    try {
      await writePrometheusTextfile({ path: prometheus.textfile, text: renderPrometheus(draft) });
      deliveries.push({
        target: prometheus.textfile,
        status: 'sent',
        attempts: 1,
        detail: 'textfile written',
      });
    } catch (error) {
      deliveries.push({
        target: prometheus.textfile,
        status: 'failed',
        attempts: 1,
        detail: (error as Error).message,
      });
    }
  }
  if (prometheus?.pushgateway) {
    deliveries.push(
      await pushToPushgateway({
        url: prometheus.pushgateway.url,
        job: prometheus.pushgateway.job ?? config.job,
        text: renderPrometheus(draft, { forPush: true }),
      }),
    );
  }
  for (const d of deliveries.filter((x) => x.status === 'failed'))
    warnings.push(`delivery to ${d.target} failed: ${d.detail}`);
  draft.deliveries = deliveries;

  const report = MonitoringReportSchema.parse(draft);
  const json = `${JSON.stringify(report, null, 2)}\n`;
  await mkdir(dir, { recursive: true });
  await writeFile(files.json, json);
  await writeFile(files.html, renderHtmlReport(report));
  if (reportKey) await store.put(reportKey, new TextEncoder().encode(json));
  if (runsTable) await appendRun(runsTable, report);
  log(
    `report ${files.html}: dataset drift ${report.drift.dataset.datasetDrift} (${report.drift.dataset.driftedColumns}/${report.drift.dataset.evaluatedColumns}), ${report.quality.issues.length} quality issues`,
  );
  return { report, exitCode: report.retrain.exitCode, files };
}

async function loadReference(
  config: MonitoringConfig,
  ctx: MonitoringContext,
  log: (line: string) => void,
): Promise<{ reference: Reference; model: ModelReferenceInfo | null }> {
  const store = ctx.store ?? ctx.env.files.store;
  const source = config.reference;
  if (source.kind === 'profile') {
    log(`reference: stored profile ${source.key}`);
    return { reference: await readStoredProfile(store, source.key), model: null };
  }
  if (source.kind === 'model') {
    if (config.aggregate) {
      throw new MonitoringInputError(
        source.model,
        'a model reference is a training set, not an event table: it cannot be aggregated per day; remove `aggregate` or use a table reference',
      );
    }
    if (!ctx.registry) {
      throw new MonitoringInputError(
        source.model,
        `reference.kind \`model\` needs the model registry; pass \`registry\` in the monitoring context (the app's --registry folder)`,
      );
    }
    const loaded = await loadModelReference({ source, registry: ctx.registry, store, env: ctx.env, log });
    return { reference: loaded.reference, model: loaded.info };
  }
  log(`reference: ${source.table}${source.window ? ` ${source.window.from} → ${source.window.to}` : ''}`);
  const frame = await loadFrame({
    env: ctx.env,
    source,
    ...(config.columns && !config.aggregate ? { columns: config.columns } : {}),
    ...(config.aggregate ? { aggregate: config.aggregate } : {}),
    ...(config.timeColumn ? { timeColumn: config.timeColumn } : {}),
  });
  return { reference: profileFrame(frame), model: null };
}

/** Type family for comparing a recorded training set with served data: `number`, `string`, `boolean`, `time`. */
function typeFamily(type: string): string {
  if (['int', 'long', 'float', 'double'].includes(type)) return 'number';
  if (['date', 'time'].includes(type) || type.startsWith('timestamp')) return 'time';
  return type;
}
