import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LoopConfigSchema, parseArgs } from './config.js';
import { runLoop } from './run-loop.js';

const transactions = join(import.meta.dirname, '../../../examples/online-retail/data/online_retail.parquet');

describe('runLoop on the Online Retail data', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'fti-loop-'));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const config = LoopConfigSchema.parse({
    warehouse: join(dir, 'warehouse'),
    registry: join(dir, 'registry'),
    runs: join(dir, 'runs'),
    trainingConfig: join(import.meta.dirname, '../../../examples/online-retail/training-job.yaml'),
    monitoringConfig: join(import.meta.dirname, '../../../examples/online-retail/monitoring-job.yaml'),
    modelMonitoringConfig: join(
      import.meta.dirname,
      '../../../examples/online-retail/model-monitoring-job.yaml',
    ),
    transactions,
    spineSize: 200,
  });
  let firstAuc = Number.NaN;

  it('loads every row, runs the feature pipeline over 52 weekly dates, joins one row per spine row and trains a model', {
    timeout: 300_000,
  }, async () => {
    const first = await runLoop(config, undefined, { runId: 'loop-1' });
    const [tx, features, labels] = first.tables;
    expect(tx).toMatchObject({
      table: 'retail.transactions',
      snapshots: 1,
      partitions: 13,
      records: 541_909,
    });
    // 52 Sundays 2010-12-05 … 2011-11-27 fall in twelve month partitions.
    expect(features).toMatchObject({
      table: 'features.customer_features_v1',
      snapshots: 1,
      partitions: 12,
      records: 134_924,
    });
    expect(labels).toMatchObject({ table: 'labels.customer_labels_v1', snapshots: 1, records: 134_924 });
    expect(first.features).toMatchObject({
      featureDates: 52,
      rows: 134_924,
      quarantined: 5_268,
      guestOrders: 135_080,
      // The distribution-shift check has no previous run yet.
      expectations: { passed: 6, failed: 0, skipped: 1 },
    });
    expect(first.join.rows).toBe(200);
    expect(first.join.withFeatures).toBeGreaterThan(100);
    expect(first.join.withFeatures).toBeLessThan(200);
    expect(first.join.sources).toEqual([`features.customer_features_v1@${features?.currentSnapshotId}`]);
    // Training: dates up to 2011-05-29 train (80 % of customers fit, 20 % tune), 2011-08-28 and 09-04 validate.
    expect(first.training).toMatchObject({
      runId: 'loop-1',
      model: 'customer-buys-90d',
      version: 1,
      alias: 'staging',
      gateReasons: [],
      rows: { train: 36_048, tuning: 9_012, validation: 6_723 },
    });
    firstAuc = first.training?.rocAuc ?? Number.NaN;
    expect(firstAuc).toBeGreaterThan(0.72);
    expect(firstAuc).toBeLessThan(0.78);
    // The latest date's 4,296 customers scored with the staging model (version 1).
    expect(first.scoring).toMatchObject({
      model: 'customer-buys-90d',
      version: 1,
      featureDate: '2011-11-27',
      rowsScored: 4_296,
      table: 'predictions/customer_buys_90d',
      records: 4_296,
    });
    expect(first.scoring?.positives).toBeGreaterThan(0);
    expect(first.scoring?.positives).toBeLessThan(4_296);
    // November 2011 against September 2011: volume nearly doubles (84,711 / 50,226 lines) and every daily
    // measure drifts, so the monitor flags the autumn shift and the retraining policy fires.
    expect(first.monitoring).toMatchObject({ datasetDrift: true, retrain: true });
    expect(first.monitoring?.volumeRatio).toBeCloseTo(84_711 / 50_226, 6);
    expect(first.monitoring?.driftedColumns).toBe(first.monitoring?.evaluatedColumns);
    expect(first.monitoring?.html).toMatch(/\.html$/);
    // Model monitoring: version 1's recorded training set (every train, tuning and validation row, under the
    // 100,000-row cap) against the 4,296 logged predictions of 2011-11-27. The profile is built on first use.
    const mm = first.modelMonitoring!;
    expect(mm).toMatchObject({
      model: 'customer-buys-90d',
      version: 1,
      reference: { rows: 36_048 + 9_012 + 6_723, profile: 'built' },
      currentRows: 4_296,
    });
    expect(mm.reference.key).toMatch(
      /^monitoring\/reference-profiles\/customer-buys-90d\/v1\/[0-9a-f]{64}\/all\.json$/,
    );
    // The log holds the model's 23 inputs: each drifts on its own, and so does the prediction (score).
    expect(mm).toMatchObject({ monitored: 'inputs and score', evaluatedColumns: 24 });
    expect(mm.driftedColumns).toBeGreaterThan(0);
    // Late November (Christmas shopping) against training dates up to September: the score has moved.
    expect(mm.score).toMatchObject({ method: 'wasserstein', drifted: true });
    expect(mm.score?.value).toBeGreaterThan(0.1);
    expect(mm.html).toMatch(/customer-buys-90d-.*\.html$/);
  });

  it('is idempotent: a second run replaces the same partitions and dates with the same rows', {
    timeout: 300_000,
  }, async () => {
    const second = await runLoop(config, undefined, { runId: 'loop-2' });
    const [tx, features] = second.tables;
    expect(tx).toMatchObject({ snapshots: 2, operation: 'overwrite', partitions: 13, records: 541_909 });
    expect(features).toMatchObject({
      snapshots: 2,
      operation: 'overwrite',
      partitions: 12,
      records: 134_924,
    });
    expect(second.features.expectations).toEqual({ passed: 7, failed: 0, skipped: 0 });
    expect(second.join.rows).toBe(200);
    // The retrained model is version 2; the gate moves staging only if it is strictly better on ROC AUC.
    const training = second.training!;
    expect(training.version).toBe(2);
    expect(Math.abs(training.rocAuc - firstAuc)).toBeLessThan(0.01);
    expect(training.alias).toBe(training.rocAuc > firstAuc ? 'staging' : null);
    if (training.alias === null) expect(training.gateReasons[0]).toMatch(/does not beat version 1/);
    // Re-scoring replaces the date's predictions: still one row per customer, with the staging version.
    expect(second.scoring).toMatchObject({
      version: training.alias === 'staging' ? 2 : 1,
      rowsScored: 4_296,
      records: 4_296,
    });
    // The same version's stored reference profile is reused (reference.parquet not read again); a new
    // staging version gets a profile of its own. The log window holds this scoring run's rows only.
    expect(second.modelMonitoring).toMatchObject({
      version: second.scoring?.version,
      reference: { profile: second.scoring?.version === 1 ? 'reused' : 'built' },
      currentRows: 4_296,
    });
  });
});

describe('parseArgs', () => {
  it('reads --key value and --key=value into a validated config with defaults', () => {
    expect(parseArgs(['--warehouse', '/w', '--spine-size=50'])).toEqual({
      warehouse: '/w',
      transactions: 'examples/online-retail/data/online_retail.parquet',
      spineSize: 50,
      from: '2010-12-05',
      to: '2011-11-27',
      every: 7,
      train: true,
      score: true,
      monitor: true,
      monitoringConfig: 'examples/online-retail/monitoring-job.yaml',
      modelMonitoringConfig: 'examples/online-retail/model-monitoring-job.yaml',
      trainingConfig: 'examples/online-retail/training-job.yaml',
      registry: '.fti/registry',
      runs: '.fti/runs',
    });
    expect(parseArgs(['--train', 'false']).train).toBe(false);
  });

  it('names the bad argument', () => {
    expect(() => parseArgs(['--spine-size', 'many'])).toThrow(/spineSize/);
    expect(() => parseArgs(['stray'])).toThrow(/unexpected argument `stray`/);
    expect(() => parseArgs(['--colour', 'red'])).toThrow(/colour/);
  });
});
