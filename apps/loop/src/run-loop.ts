import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { runFeaturePipeline } from '@fti/feature-pipeline';
import {
  createTable,
  describeTable,
  getHistoricalFeatures,
  LocalObjectStore,
  loadTable,
  openWarehouse,
  overwritePartitions,
  snapshotRelation,
  type Table,
  type TableEnv,
  TableNotFoundError,
} from '@fti/feature-store';
import { loadServableModel, scoreBatch } from '@fti/inference-pipeline';
import { ModelNotFoundError, openModelRegistry } from '@fti/model-registry';
import { parseMonitoringConfig, runMonitoring } from '@fti/monitoring';
import { openRunTracker, runTraining, type TrainingEvent } from '@fti/training-pipeline';
import type { LoopConfig } from './config.js';
import { type ModelMonitoringSummary, monitorModel } from './monitor-model.js';
import { onlineRetailJob } from './online-retail-job.js';
import { readGitCommit, readOnlineRetailTraining } from './online-retail-training.js';
import { transactionsSourceSql, transactionsTable } from './transactions-table.js';

/** What one run of the loop did, for printing and for tests. */
export interface LoopSummary {
  tables: {
    table: string;
    snapshots: number;
    currentSnapshotId: string;
    operation: string;
    partitions: number;
    dataFiles: number;
    records: number;
  }[];
  features: {
    featureDates: number;
    /** Feature rows the run loaded, in all. */
    rows: number;
    /** Input lines the run set aside (duplicates) and counted but left out (guest orders). */
    quarantined: number;
    guestOrders: number;
    expectations: { passed: number; failed: number; skipped: number };
    seconds: number;
  };
  join: {
    spineRows: number;
    rows: number;
    withFeatures: number;
    sources: string[];
    sample: Record<string, unknown>[];
  };
  /** The training step; null with `--train false`. */
  training: {
    runId: string;
    model: string;
    version: number;
    /** Validation ROC AUC (later feature dates than the training rows). */
    rocAuc: number;
    /** Alias the gate moved (`staging`), or null when the gate refused. */
    alias: string | null;
    gateReasons: string[];
    rows: { train: number; tuning: number; validation: number };
    seconds: number;
  } | null;
  /**
   * The scoring step: the latest feature date scored with the `staging` model; null with `--score false` or
   * when no model holds the alias yet.
   */
  scoring: {
    model: string;
    version: number;
    featureDate: string;
    rowsScored: number;
    positives: number;
    /** Predictions table and its rows after the run (idempotent: the same on every re-run). */
    table: string;
    records: number;
    seconds: number;
    /** The scoring run's id (its rows in the prediction log). */
    runId: string;
  } | null;
  /** The monitoring step: November 2011 against September 2011 (the autumn shift); null with `--monitor false`. */
  monitoring: {
    driftedColumns: number;
    evaluatedColumns: number;
    datasetDrift: boolean;
    volumeRatio: number | null;
    retrain: boolean;
    html: string;
  } | null;
  /**
   * Model monitoring: the scoring model's recorded training set against the prediction log of the scored
   * date; null with `--monitor false`, when nothing was scored, or when the scored version was registered
   * without its training set.
   */
  modelMonitoring: ModelMonitoringSummary | null;
  seconds: number;
}

async function openOrCreate(env: TableEnv): Promise<Table> {
  try {
    return await loadTable(env, transactionsTable);
  } catch (error) {
    if (!(error instanceof TableNotFoundError)) throw error;
    return createTable(env, transactionsTable);
  }
}

/**
 * The FTI loop as far as it is built: load the Online Retail transactions into a month-partitioned Iceberg
 * table, run the feature pipeline on its snapshot (customer features and the 90-day purchase label at
 * weekly dates, validated, one commit per table), join the features point-in-time onto a sample spine, train
 * and gate a model, score the latest feature date with the `staging` model, and monitor drift.
 * Re-running is idempotent (partition overwrites, feature dates and predictions replaced).
 */
export async function runLoop(
  config: LoopConfig,
  log: (message: string) => void = () => {},
  options: { runId?: string; onTraining?: (event: TrainingEvent) => void } = {},
): Promise<LoopSummary> {
  const started = performance.now();
  const env = await openWarehouse({ location: { kind: 'local', path: config.warehouse } });
  try {
    log(`warehouse ${resolve(config.warehouse)}`);
    log(
      `1/7 loading ${config.transactions} into retail.transactions (months(invoice_date), overwrite by partition)`,
    );
    let transactions = await openOrCreate(env);
    transactions = await overwritePartitions(
      transactions,
      { kind: 'sql', sql: transactionsSourceSql(resolve(config.transactions)) },
      { properties: { 'fti.source': config.transactions } },
    );

    log(
      `2/7 feature pipeline: Online Retail customer features and labels, every ${config.every} days ${config.from} … ${config.to}`,
    );
    const run = await runFeaturePipeline(
      onlineRetailJob({ from: config.from, to: config.to, everyDays: config.every }),
      { warehouse: env, cacheDir: join(tmpdir(), 'fti-loop-cache') },
    );
    const report = run.validation;
    const count = (status: string) => report.expectations.filter((e) => e.status === status).length;
    const guestOrders = report.input.find((i) => i.kind === 'nullEntityKey')?.count ?? 0;
    log(
      `    ${run.featureDates.length} dates, ${run.features.rows} feature rows; input: ${report.rows.inputQuarantined} duplicate lines quarantined, ` +
        `${guestOrders} guest-order lines counted; expectations: ${count('passed')} passed, ${count('skipped')} skipped; ${(run.durationMs.total / 1000).toFixed(1)} s`,
    );
    const features = await loadTable(env, { namespace: 'features', name: 'customer_features_v1' });
    const labels = await loadTable(env, { namespace: 'labels', name: 'customer_labels_v1' });

    log(`3/7 point-in-time join for a sample spine of ${config.spineSize} (customer, date) rows`);
    // Customers on as-of dates spread over the feature dates' span (the view's TTL is 7 days).
    const span = Math.round((Date.parse(config.to) - Date.parse(config.from)) / 86_400_000) + 7;
    const source = await snapshotRelation(transactions);
    const spine = `(SELECT customer_id, DATE '${config.from}' + CAST(hash(customer_id) % ${span} AS INTEGER) AS as_of
      FROM (SELECT DISTINCT CAST(customer_id AS INTEGER) AS customer_id FROM ${source.relation} AS t WHERE customer_id IS NOT NULL)
      ORDER BY customer_id LIMIT ${config.spineSize})`;
    const frame = await getHistoricalFeatures(env, {
      spine: { kind: 'relation', relation: spine },
      keys: ['customer_id'],
      timestampColumn: 'as_of',
      views: [
        { table: features, features: ['revenue_90d', 'invoices_90d', 'rfm_r', 'rfm_f', 'rfm_m', 'country'] },
      ],
    });

    const tables: LoopSummary['tables'] = [];
    for (const table of [transactions, features, labels]) {
      const d = await describeTable(table);
      const current = d.snapshots.find((s) => s.current);
      tables.push({
        table: d.table,
        snapshots: d.snapshots.length,
        currentSnapshotId: String(d.currentSnapshotId),
        operation: current?.operation ?? 'none',
        partitions: d.partitions.length,
        dataFiles: d.dataFiles,
        records: d.records,
      });
    }
    const registry = openModelRegistry({ store: new LocalObjectStore({ root: resolve(config.registry) }) });
    let training: LoopSummary['training'] = null;
    if (config.train) {
      const trainingStarted = performance.now();
      const trainingConfig = await readOnlineRetailTraining(config.trainingConfig);
      log(
        `4/7 training ${trainingConfig.name}: ${trainingConfig.tuning.trials} trials, up to ${trainingConfig.tuning.halving.maxEpochs} epochs, registry ${resolve(config.registry)}`,
      );
      const gitCommit = readGitCommit();
      const result = await runTraining(trainingConfig, {
        warehouse: env,
        registry,
        tracker: openRunTracker({ store: new LocalObjectStore({ root: resolve(config.runs) }) }),
        runId: options.runId ?? `loop-${new Date().toISOString().replace(/[-:.]/g, '').slice(0, 15)}`,
        ...(gitCommit !== undefined ? { gitCommit } : {}),
        libraryVersions: { node: process.version },
        ...(options.onTraining ? { report: options.onTraining } : {}),
      });
      training = {
        runId: result.runId,
        model: result.model.name,
        version: result.model.version,
        rocAuc: result.metrics.roc_auc ?? Number.NaN,
        alias: result.alias,
        gateReasons: result.gate.reasons,
        rows: result.rows,
        seconds: (performance.now() - trainingStarted) / 1000,
      };
    }

    let scoring: LoopSummary['scoring'] = null;
    if (config.score) {
      const scoringStarted = performance.now();
      const ref = { name: 'customer-buys-90d', alias: 'staging' };
      const model = await loadServableModel(registry, ref).catch((error: unknown) => {
        if (error instanceof ModelNotFoundError) return null;
        throw error;
      });
      if (model === null) log('5/7 scoring skipped: no customer-buys-90d model holds the staging alias yet');
      else {
        log(
          `5/7 scoring ${config.to} with ${model.name}@${model.version} (staging) into predictions.customer_buys_90d`,
        );
        const predictions = { namespace: 'predictions', name: 'customer_buys_90d' };
        const scoringRunId = options.runId ?? `loop-score-${Date.now()}`;
        const scored = await scoreBatch({
          env,
          model,
          features: { namespace: 'features', name: 'customer_features_v1' },
          keys: ['customer_id'],
          featureDate: config.to,
          predictions,
          log: { namespace: 'predictions', name: 'customer_buys_90d_log' },
          runId: scoringRunId,
        });
        const described = await describeTable(await loadTable(env, predictions));
        scoring = {
          model: model.name,
          version: model.version,
          featureDate: config.to,
          rowsScored: scored.rowsScored,
          positives: scored.positives,
          table: scored.predictions.table,
          records: described.records,
          seconds: (performance.now() - scoringStarted) / 1000,
          runId: scoringRunId,
        };
      }
    }

    let monitoring: LoopSummary['monitoring'] = null;
    let modelMonitoring: LoopSummary['modelMonitoring'] = null;
    const outputs = join(dirname(resolve(config.warehouse)), 'monitoring');
    if (config.monitor) {
      const parsed = parseMonitoringConfig(
        await readFile(config.monitoringConfig, 'utf8'),
        config.monitoringConfig,
      );
      const monitoringConfig = {
        ...parsed,
        outputs: { ...parsed.outputs, dir: outputs, prometheus: { textfile: join(outputs, 'fti.prom') } },
      };
      log(
        `6/7 monitoring ${monitoringConfig.job}: ${monitoringConfig.current.kind} window against the reference window`,
      );
      // The run is dated at the end of its current window, so the report is the same on every machine.
      const windowEnd = Date.parse(
        monitoringConfig.current.kind === 'table' ? (monitoringConfig.current.window?.to ?? '') : '',
      );
      const result = await runMonitoring(monitoringConfig, {
        env,
        ...(Number.isFinite(windowEnd) ? { now: () => windowEnd } : {}),
      });
      const { dataset } = result.report.drift;
      monitoring = {
        driftedColumns: dataset.driftedColumns,
        evaluatedColumns: dataset.evaluatedColumns,
        datasetDrift: dataset.datasetDrift,
        volumeRatio: result.report.quality.volume.ratio ?? null,
        retrain: result.report.retrain.fire,
        html: result.files.html,
      };
    }
    if (config.monitor && scoring) {
      log(
        `7/7 model monitoring ${scoring.model}@${scoring.version} (staging): its recorded training set against the ${scoring.featureDate} prediction log`,
      );
      modelMonitoring = await monitorModel({
        env,
        registry,
        configPath: config.modelMonitoringConfig,
        model: { name: scoring.model, version: scoring.version },
        featureDate: scoring.featureDate,
        scoringRunId: scoring.runId,
        outputsDir: outputs,
        log,
      });
    }

    const revenue = frame.table.getChild('customer_features__revenue_90d');
    const sample = frame.table
      .slice(0, 5)
      .toArray()
      .map((row) => {
        const json = row.toJSON() as Record<string, unknown>;
        return { ...json, as_of: new Date(Number(json.as_of)).toISOString().slice(0, 10) };
      });
    return {
      tables,
      features: {
        featureDates: run.featureDates.length,
        rows: run.features.rows,
        quarantined: report.rows.inputQuarantined,
        guestOrders,
        expectations: { passed: count('passed'), failed: count('failed'), skipped: count('skipped') },
        seconds: run.durationMs.total / 1000,
      },
      join: {
        spineRows: config.spineSize,
        rows: frame.table.numRows,
        withFeatures: revenue ? revenue.length - revenue.nullCount : 0,
        sources: frame.sources.map((s) => `${s.table}@${s.snapshotId}`),
        sample,
      },
      training,
      scoring,
      monitoring,
      modelMonitoring,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await env.close();
  }
}
