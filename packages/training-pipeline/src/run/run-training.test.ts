import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalObjectStore } from '@fti/feature-store';
import { aliasHistory, getVersion, loadModel, openModelRegistry } from '@fti/model-registry';
import {
  applyPreprocessor,
  loadModelArtifacts,
  predictProba,
  readFittedPreprocessor,
  selectBackend,
} from '@fti/model-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSyntheticWarehouse,
  type SyntheticWarehouse,
  syntheticDatasetSpec,
} from '../../test/dataset/synthetic-warehouse.js';
import { buildDataset } from '../dataset/build-dataset.js';
import { DatasetError } from '../errors.js';
import { computeRocAuc } from '../evaluation/compute-roc-auc.js';
import { getRun } from '../tracking/get-run.js';
import { openRunTracker } from '../tracking/run-tracker.js';
import { PREPROCESSING_PATH, runTraining, type TrainingContext } from './run-training.js';
import type { TrainingConfigInput } from './training-config.js';
import type { TrainingEvent } from './training-event.js';
import { REFERENCE_PATH } from './write-reference-parquet.js';

let wh: SyntheticWarehouse;
let dir: string;
let ctx: (runId: string, events?: TrainingEvent[]) => TrainingContext;

beforeAll(async () => {
  await selectBackend({ prefer: 'wasm' });
  wh = await createSyntheticWarehouse({ customers: 150, weeks: 8 });
  dir = await mkdtemp(join(tmpdir(), 'fti-run-training-'));
  const registry = openModelRegistry({
    store: new LocalObjectStore({ root: join(dir, 'registry') }),
    now: () => 1_700_000_000_000,
  });
  const tracker = openRunTracker({ store: new LocalObjectStore({ root: join(dir, 'tracking') }) });
  ctx = (runId, events) => ({
    warehouse: wh.env,
    registry,
    tracker,
    runId,
    gitCommit: 'a1b2c3d',
    libraryVersions: { node: 'v20' },
    now: () => 1_700_000_000_000,
    ...(events ? { report: (e: TrainingEvent) => events.push(e) } : {}),
  });
});
afterAll(async () => {
  await wh.close();
  await rm(dir, { recursive: true, force: true });
});

const config: TrainingConfigInput = {
  name: 'buyers',
  description: 'synthetic buyers',
  dataset: syntheticDatasetSpec(),
  split: { kind: 'time', trainEnd: '2024-02-04' },
  preprocessing: {
    features: [
      { kind: 'numeric', column: 'signal', scale: 'standard' },
      { kind: 'numeric', column: 'noise', scale: 'standard' },
      {
        kind: 'numeric',
        column: 'spend',
        impute: { strategy: 'median', indicator: true },
        log1p: true,
        scale: 'standard',
      },
      { kind: 'numeric', column: 'orders', scale: 'minmax' },
      { kind: 'one-hot', column: 'country' },
    ],
  },
  model: { kind: 'mlp', task: { kind: 'binary' }, hiddenLayers: [8] },
  train: { batchSize: 64 },
  searchSpace: { 'train.optimizer.learningRate': { kind: 'log-uniform', low: 3e-3, high: 3e-2 } },
  tuning: { trials: 3, seed: 1, halving: { minEpochs: 2, maxEpochs: 6, eta: 2 } },
  evaluation: { segmentColumn: 'country', minSegmentRows: 20 },
  gate: { checks: [{ metric: 'roc_auc', min: 0.6 }] },
};

describe('runTraining', () => {
  it('trains, tunes, evaluates, registers with lineage and promotes the first model to staging', async () => {
    const events: TrainingEvent[] = [];
    const summary = await runTraining(config, ctx('run-1', events));
    expect(summary.rows).toEqual({ train: 480, tuning: 120, validation: 600 });
    expect(summary.model).toEqual({ name: 'buyers', version: 1 });
    expect(summary.alias).toBe('staging');
    expect(summary.gate).toEqual({ passed: true, reasons: [] });
    expect(summary.metrics.roc_auc).toBeGreaterThan(0.75);
    expect(summary.metrics.rows).toBe(600);
    expect(summary.segments.map((s) => s.segment)).toEqual(['DE', 'FR', 'UK']);
    expect(summary.segments.reduce((n, s) => n + s.count, 0)).toBe(600);
    expect(summary.trials).toHaveLength(3);
    expect(summary.best.rungs.at(-1)?.epochs).toBe(6);

    // Progress: the dataset, every epoch of every rung (3·2 + 1·4 epochs), a line per trial rung, the outcome.
    expect(events.filter((e) => e.kind === 'epoch')).toHaveLength(10);
    expect(events.filter((e) => e.kind === 'trial')).toHaveLength(4);
    expect(events.at(-1)).toEqual({ kind: 'promoted', alias: 'staging', passed: true, reasons: [] });

    const record = await getVersion(ctx('x').registry, { name: 'buyers', alias: 'staging' });
    expect(record.version).toBe(1);
    expect(record.artifacts.map((a) => a.path)).toEqual([
      'model.json',
      'group1-shard1of1.bin',
      PREPROCESSING_PATH,
      REFERENCE_PATH,
      'model-card.md',
    ]);
    expect(record.params.reference).toBe(
      "reference.parquet: 1200 rows (480 train, 120 tuning, 600 validation), every row (cap 100000); columns: the raw input features, the label, `split` and the model's `score` (the reference for monitoring)",
    );

    // The recorded training set: raw inputs, label, split and the registered model's score per row.
    const loaded = await loadModel(ctx('x').registry, { ref: { name: 'buyers', version: 1 } });
    const file = join(dir, 'reference-v1.parquet');
    await writeFile(file, loaded.artifacts.find((a) => a.path === REFERENCE_PATH)!.bytes);
    const described = await wh.env.db.query(`DESCRIBE SELECT * FROM read_parquet('${file}')`);
    expect(described.map((c) => [c.column_name, c.column_type])).toEqual([
      ['signal', 'DOUBLE'],
      ['noise', 'DOUBLE'],
      ['spend', 'DOUBLE'],
      ['orders', 'DOUBLE'],
      ['country', 'VARCHAR'],
      ['buys', 'INTEGER'],
      ['split', 'VARCHAR'],
      ['score', 'DOUBLE'],
    ]);
    const splits = await wh.env.db.query(
      `SELECT split, count(*)::INTEGER AS n, count(spend)::INTEGER AS spend FROM read_parquet('${file}') GROUP BY split ORDER BY split`,
    );
    expect(splits.map((r) => [r.split, r.n])).toEqual([
      ['train', 480],
      ['tuning', 120],
      ['validation', 600],
    ]);
    // Missing spend (imputed by the model) stays missing (null) in the recorded inputs.
    expect(splits.reduce((n, r) => n + Number(r.spend), 0)).toBeLessThan(1200);
    const validation = await wh.env.db.query(
      `SELECT buys, score FROM read_parquet('${file}') WHERE split = 'validation'`,
    );
    const auc = computeRocAuc({
      yTrue: Uint8Array.from(validation, (r) => Number(r.buys)),
      yScore: Float64Array.from(validation, (r) => Number(r.score)),
    });
    expect(auc).toBeCloseTo(summary.metrics.roc_auc!, 12);
    expect(record.signature.inputs.map((i) => [i.name, i.type, i.required])).toEqual([
      ['signal', 'float', true],
      ['noise', 'float', true],
      ['spend', 'float', false],
      ['orders', 'int', true],
      ['country', 'string', true],
    ]);
    expect(record.lineage).toMatchObject({
      spineHash: summary.dataset.spineHash,
      runId: 'run-1',
      gitCommit: 'a1b2c3d',
      backend: 'wasm',
      features: [
        'customer_features:signal',
        'customer_features:noise',
        'customer_features:spend',
        'customer_features:orders',
        'customer_features:country',
      ],
    });
    expect(record.lineage.sources.map((s) => s.snapshotId)).toEqual([
      String(wh.labels.loaded.metadata.currentSnapshotId),
      String(wh.features.loaded.metadata.currentSnapshotId),
    ]);

    const run = await getRun(ctx('x').tracker, 'run-1');
    expect(run.record).toMatchObject({
      status: 'completed',
      gitCommit: 'a1b2c3d',
      backend: { name: 'wasm' },
      bestTrial: summary.best.trial,
      model: { name: 'buyers', version: 1, alias: 'staging' },
      metrics: summary.metrics,
    });
    expect(run.record.lineage?.spineHash).toBe(summary.dataset.spineHash);
    expect(run.epochs).toHaveLength(10);
  });

  it('has no train/serve skew: the registry path scores rows exactly as the training path', async () => {
    const summary = await runTraining(config, ctx('run-skew'));
    const rows = await buildDataset(wh.env, syntheticDatasetSpec({ from: '2024-02-04' }));
    // Training path: the in-memory preprocessor and model.
    const trainingScores = await predictProba(
      summary.trained.model,
      applyPreprocessor(summary.trained.preprocessor, rows.columns),
    );
    // Serving path: verified files from the registry, rebuilt from bytes.
    const loaded = await loadModel(ctx('x').registry, {
      ref: { name: 'buyers', version: summary.model.version },
    });
    const files = loaded.artifacts.map((a) => ({ path: a.path, bytes: a.bytes }));
    const preprocessing = files.find((f) => f.path === PREPROCESSING_PATH)!;
    const fitted = readFittedPreprocessor(JSON.parse(new TextDecoder().decode(preprocessing.bytes)));
    const servingScores = await predictProba(
      loadModelArtifacts(files),
      applyPreprocessor(fitted, rows.columns),
    );
    expect(servingScores.length).toBe(600);
    expect(Buffer.from(servingScores.buffer).equals(Buffer.from(trainingScores.buffer))).toBe(true);
  });

  it('is seeded (same trials and metrics again) and the gate refuses a model that does not beat staging', async () => {
    const again = await runTraining(config, ctx('run-3'));
    const first = await getRun(ctx('x').tracker, 'run-1');
    // Same inputs and seeds: the same model bytes and the same recorded reference set.
    const bytesOf = async (version: number) =>
      (await getVersion(ctx('x').registry, { name: 'buyers', version })).artifacts
        .filter((a) => a.path !== 'model-card.md')
        .map((a) => [a.path, a.sha256]);
    expect(await bytesOf(again.model.version)).toEqual(await bytesOf(1));
    expect(again.metrics).toEqual(first.record.metrics);
    expect(again.trials.map((t) => t.params)).toEqual(first.record.trials.map((t) => t.params));
    expect(again.alias).toBeNull();
    expect(again.gate.passed).toBe(false);
    expect(again.gate.reasons[0]).toMatch(/does not beat version 1/);
    const history = await aliasHistory(ctx('x').registry, { name: 'buyers', alias: 'staging' });
    expect(history.map((e) => [e.action, e.version])).toEqual([
      ['promote', 1],
      ['refuse', 1],
      ['refuse', 1],
    ]);
  });

  it('records a failed run with the error, and names the bad input', async () => {
    const bad = { ...config, split: { kind: 'time' as const, trainEnd: '2020-01-06' } };
    await expect(runTraining(bad, ctx('run-failed'))).rejects.toThrow(DatasetError);
    const run = await getRun(ctx('x').tracker, 'run-failed');
    expect(run.record.status).toBe('failed');
    expect(run.record.error).toMatch(/^DatasetError: the train split is empty/);
    const unimputed = {
      ...config,
      preprocessing: { features: [{ kind: 'numeric' as const, column: 'spend' }] },
    };
    await expect(runTraining(unimputed, ctx('run-nan'))).rejects.toThrow(
      /feature `spend` has \d+ missing \(NaN\)/,
    );
    await expect(
      runTraining(
        { ...config, searchSpace: { 'train.batchSize': { kind: 'int', low: 9, high: 1 } } },
        ctx('run-space'),
      ),
    ).rejects.toThrow(/searchSpace/);
  });
});
