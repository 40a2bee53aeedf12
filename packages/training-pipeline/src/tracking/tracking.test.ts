import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalObjectStore } from '@fti/feature-store';
import { afterAll, describe, expect, it } from 'vitest';
import { RunNotFoundError } from '../errors.js';
import { compareRuns } from './compare-runs.js';
import { getRun } from './get-run.js';
import { listRuns } from './list-runs.js';
import type { RunRecord } from './run-record.js';
import { openRunTracker } from './run-tracker.js';
import { saveRun } from './save-run.js';

const dir = await mkdtemp(join(tmpdir(), 'fti-runs-'));
afterAll(() => rm(dir, { recursive: true, force: true }));
const tracker = openRunTracker({ store: new LocalObjectStore({ root: dir }) });

function record(runId: string, startedAtMs: number, auc: number, lr: number): RunRecord {
  return {
    formatVersion: 1,
    runId,
    name: 'buyers',
    status: 'completed',
    startedAtMs,
    finishedAtMs: startedAtMs + 12_500,
    gitCommit: 'abc1234',
    backend: { name: 'wasm', version: '4.22.0' },
    libraryVersions: { node: 'v20.19.0' },
    params: { train: { epochs: 8 }, split: { kind: 'time', trainEnd: '2011-06-01' } },
    lineage: {
      sources: [{ kind: 'table', name: 'labels.l', table: 'labels.l', snapshotId: '42' }],
      features: ['customer_features:revenue_90d'],
      spineHash: 'ab'.repeat(32),
      rows: { train: 1000, validation: 400 },
    },
    trials: [
      {
        trial: 0,
        params: { 'train.optimizer.learningRate': lr },
        seed: 7,
        rungs: [{ rung: 0, epochs: 8, metric: auc }],
        finalMetric: auc,
        status: 'completed',
      },
    ],
    bestTrial: 0,
    metrics: { roc_auc: auc, log_loss: 0.5 },
    artifacts: [{ path: 'model.json', sha256: 'cd'.repeat(32), size: 100 }],
    model: { name: 'buyers', version: 1, alias: 'staging', gate: { passed: true, reasons: [] } },
    error: null,
  };
}

describe('run tracking', () => {
  it('stores run.json and metrics.json under runs/<id>/ and reads them back exactly', async () => {
    const epochs = [{ trial: 0, rung: 0, epoch: 1, loss: 0.6, valLoss: 0.55, valRocAuc: 0.7 }];
    await saveRun(tracker, { record: record('run-b', 2_000, 0.8, 0.01), epochs });
    await saveRun(tracker, { record: record('run-a', 1_000, 0.75, 0.003), epochs: [] });
    expect((await tracker.store.list('runs/')).map((o) => o.key)).toEqual([
      'runs/run-a/metrics.json',
      'runs/run-a/run.json',
      'runs/run-b/metrics.json',
      'runs/run-b/run.json',
    ]);
    const back = await getRun(tracker, 'run-b');
    expect(back.record).toEqual(record('run-b', 2_000, 0.8, 0.01));
    expect(back.epochs).toEqual(epochs);
    expect((await listRuns(tracker)).map((r) => r.runId)).toEqual(['run-a', 'run-b']);
  });

  it('an unknown run or an invalid record is a named error', async () => {
    await expect(getRun(tracker, 'nope')).rejects.toThrow(RunNotFoundError);
    await expect(getRun(tracker, 'nope')).rejects.toThrow(/training run `nope` is not stored/);
    await expect(
      saveRun(tracker, { record: { ...record('bad id', 1, 0.5, 0.1) }, epochs: [] }),
    ).rejects.toThrow(/runId/);
  });

  it('compares two runs field by field with numeric deltas', () => {
    const rows = compareRuns(record('run-a', 1_000, 0.75, 0.003), record('run-b', 2_000, 0.8, 0.01));
    const row = (field: string) => rows.find((r) => r.field === field);
    expect(row('metrics.roc_auc')).toMatchObject({ a: 0.75, b: 0.8, differs: true });
    expect(row('metrics.roc_auc')?.delta).toBeCloseTo(0.05, 12);
    expect(row('best.train.optimizer.learningRate')).toMatchObject({ a: 0.003, b: 0.01, differs: true });
    expect(row('metrics.log_loss')).toMatchObject({ delta: 0, differs: false });
    expect(row('params.split.trainEnd')).toMatchObject({ a: '2011-06-01', differs: false });
    expect(row('lineage.snapshot.labels.l')).toMatchObject({ a: '42', b: '42', differs: false });
    expect(rows.map((r) => r.field)).toEqual([...rows.map((r) => r.field)].sort());
  });
});
