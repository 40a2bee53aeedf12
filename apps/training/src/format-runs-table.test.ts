import type { RunRecord } from '@fti/training-pipeline';
import { compareRuns } from '@fti/training-pipeline';
import { describe, expect, it } from 'vitest';
import { formatRunComparison, formatRunList, formatTable } from './format-runs-table.js';
import { formatParams, formatTrainingEvent } from './progress-printer.js';

const run = (runId: string, auc: number, alias: string | null): RunRecord => ({
  formatVersion: 1,
  runId,
  name: 'buyers',
  status: 'completed',
  startedAtMs: 0,
  finishedAtMs: 12_340,
  gitCommit: '0123456789abcdef',
  backend: { name: 'wasm', version: '4.22.0' },
  libraryVersions: {},
  params: { tuning: { trials: 6 } },
  lineage: null,
  trials: [
    {
      trial: 0,
      params: { 'train.batchSize': 64 },
      seed: 1,
      rungs: [],
      finalMetric: auc,
      status: 'completed',
    },
  ],
  bestTrial: 0,
  metrics: { roc_auc: auc, log_loss: 0.5 },
  artifacts: [],
  model: { name: 'buyers', version: alias ? 1 : 2, alias, gate: { passed: alias !== null, reasons: [] } },
  error: null,
});

describe('run tables', () => {
  it('aligns columns under a header', () => {
    expect(formatTable(['a', 'bb'], [['xxx', 'y']])).toBe('a    bb\n---  --\nxxx  y');
  });

  it('lists runs with model, alias, metrics, trials, seconds and commit', () => {
    expect(formatRunList([run('r1', 0.74123, 'staging'), run('r2', 0.7, null)]).split('\n')).toEqual([
      'run  status     model     alias    roc_auc  log_loss  trials  seconds  commit',
      '---  ---------  --------  -------  -------  --------  ------  -------  -------',
      'r1   completed  buyers@1  staging  0.7412   0.5000    1       12.3     0123456',
      'r2   completed  buyers@2  —        0.7000   0.5000    1       12.3     0123456',
    ]);
  });

  it('compares two runs: metrics always, other fields when they differ, with deltas', () => {
    const text = formatRunComparison(compareRuns(run('r1', 0.75, 'staging'), run('r2', 0.7, null)), [
      'r1',
      'r2',
    ]);
    const lines = text.split('\n');
    expect(lines[0]).toBe('field             r1        r2        delta');
    expect(lines).toContain('metrics.roc_auc   0.750000  0.700000  -0.05000');
    expect(lines).toContain('metrics.log_loss  0.500000  0.500000  +0.000');
    expect(lines).toContain('alias             staging   —');
    expect(text).not.toContain('gitCommit');
  });
});

describe('progress lines', () => {
  it('prints a trial rung with its parameters and the gate outcome', () => {
    expect(formatParams({ 'train.optimizer.learningRate': 0.0012345, 'model.hiddenLayers': [64, 32] })).toBe(
      'learningRate=0.00123 hiddenLayers=[64,32]',
    );
    expect(
      formatTrainingEvent({
        kind: 'trial',
        trial: 2,
        rung: 1,
        epochs: 6,
        metric: 0.71234,
        params: { 'train.batchSize': 256 },
      }),
    ).toBe('trial 2 rung 1 (6 epochs): tuning ROC AUC 0.7123  batchSize=256');
    expect(
      formatTrainingEvent({ kind: 'promoted', alias: 'staging', passed: false, reasons: ['too low'] }),
    ).toBe('gate refused (staging unchanged): too low');
    expect(
      formatTrainingEvent({
        kind: 'epoch',
        trial: 0,
        rung: 0,
        epoch: 1,
        loss: 0.5,
        valLoss: null,
        valRocAuc: null,
      }),
    ).toBeUndefined();
  });
});
