import { createMulberry32, predictProba, selectBackend } from '@fti/model-runtime';
import { makeBinaryRows, weightBytes } from '@fti/model-runtime/testing';
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { InvalidSearchSpaceError } from '../errors.js';
import { computeRocAuc } from '../evaluation/compute-roc-auc.js';
import { applyParams } from './apply-params.js';
import { createModelTrialRunner } from './create-model-trial-runner.js';
import { planHalving } from './plan-halving.js';
import { sampleParams } from './sample-params.js';
import { parseSearchSpace, type SearchSpaceInput } from './search-space.js';
import { tuneHyperparameters } from './tune-hyperparameters.js';

beforeAll(async () => {
  await selectBackend({ prefer: 'wasm' });
});

const space = {
  'train.optimizer.learningRate': { kind: 'log-uniform', low: 1e-3, high: 1e-1 },
  'model.hiddenLayers': { kind: 'categorical', values: [[8], [16, 8]] },
  'model.dropout': { kind: 'uniform', low: 0, high: 0.3 },
  'train.batchSize': { kind: 'int', low: 32, high: 128, step: 32 },
} satisfies SearchSpaceInput;

describe('search space', () => {
  it('rejects an invalid space naming the parameter', () => {
    const bad = (input: unknown) => () => parseSearchSpace(input);
    expect(bad({ 'train.batchSize': { kind: 'int', low: 9, high: 3 } })).toThrow(
      'search space parameter `train.batchSize`: low must not exceed high',
    );
    expect(bad({ lr: { kind: 'log-uniform', low: 0, high: 1 } })).toThrow(InvalidSearchSpaceError);
    expect(bad({ lr: { kind: 'log-uniform', low: 0, high: 1 } })).toThrow(/parameter `lr`: low/);
    expect(bad({ lr: { kind: 'normal', mean: 0 } })).toThrow(/parameter `lr`/);
    expect(bad({ 'model.activation': { kind: 'categorical', values: [] } })).toThrow(
      /`model.activation`: values/,
    );
  });

  it('samples every value inside its distribution (property)', () => {
    const parsed = parseSearchSpace(space);
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const p = sampleParams(parsed, createMulberry32(seed));
        const lr = p['train.optimizer.learningRate'] as number;
        const batch = p['train.batchSize'] as number;
        const dropout = p['model.dropout'] as number;
        return (
          lr >= 1e-3 &&
          lr < 1e-1 &&
          [32, 64, 96, 128].includes(batch) &&
          dropout >= 0 &&
          dropout < 0.3 &&
          [8, 16].includes((p['model.hiddenLayers'] as number[])[0]!)
        );
      }),
    );
  });

  it('log-uniform puts as many draws in each decade', () => {
    const parsed = parseSearchSpace({ lr: { kind: 'log-uniform', low: 1e-4, high: 1e-2 } });
    const random = createMulberry32(1);
    let low = 0;
    for (let i = 0; i < 4000; i++) if ((sampleParams(parsed, random).lr as number) < 1e-3) low++;
    expect(low / 4000).toBeCloseTo(0.5, 1);
  });

  it('applies parameters by path onto validated specs; typos and bad values are named', () => {
    const base = {
      model: { kind: 'mlp', task: { kind: 'binary' }, hiddenLayers: [4] },
      train: { epochs: 3 },
    } as const;
    const resolved = applyParams(base, {
      'train.optimizer.learningRate': 0.02,
      'model.hiddenLayers': [16, 8],
    });
    expect(resolved.train.optimizer).toEqual({
      kind: 'adam',
      learningRate: 0.02,
      beta1: 0.9,
      beta2: 0.999,
      epsilon: 1e-8,
    });
    expect(resolved.model).toMatchObject({ kind: 'mlp', hiddenLayers: [16, 8], dropout: 0 });
    expect(() => applyParams(base, { 'model.hiddenLayer': [3] })).toThrow(
      /`model.hiddenLayer`: is not a field/,
    );
    expect(() => applyParams(base, { 'model.dropout': 1.5 })).toThrow(InvalidSearchSpaceError);
    expect(() => applyParams(base, { learningRate: 0.1 })).toThrow(/must start with `model.` or `train.`/);
  });
});

describe('planHalving', () => {
  it('keeps the top 1/eta per rung and ends at maxEpochs', () => {
    expect(planHalving(6, { minEpochs: 2, maxEpochs: 12, eta: 3 })).toEqual([
      { rung: 0, trials: 6, epochs: 2 },
      { rung: 1, trials: 2, epochs: 6 },
      { rung: 2, trials: 1, epochs: 12 },
    ]);
    expect(planHalving(27, { minEpochs: 1, maxEpochs: 9, eta: 3 }).map((r) => r.trials)).toEqual([27, 9, 3]);
    expect(planHalving(4, { minEpochs: 5, maxEpochs: 5, eta: 2 })).toEqual([
      { rung: 0, trials: 4, epochs: 5 },
    ]);
    expect(() => planHalving(4, { minEpochs: 5, maxEpochs: 2, eta: 2 })).toThrow(InvalidSearchSpaceError);
  });
});

describe('tuneHyperparameters', () => {
  // A fake runner: the metric is a known function of the params and the epochs trained.
  const fake = async (input: {
    params: Record<string, unknown>;
    epochs: number;
    epochsDone: number;
    previous: number | undefined;
  }) => {
    const lr = input.params['train.optimizer.learningRate'] as number;
    const total = input.epochsDone + input.epochs;
    return {
      metric: -Math.abs(Math.log10(lr) + 2) + total / 100,
      state: (input.previous ?? 0) + input.epochs,
    };
  };

  it('records every trial and rung, halves by the metric and picks the best', async () => {
    const result = await tuneHyperparameters({
      space,
      trials: 9,
      seed: 5,
      halving: { minEpochs: 1, maxEpochs: 9, eta: 3 },
      runTrial: fake,
    });
    expect(result.trials).toHaveLength(9);
    expect(result.trials.map((t) => t.rungs.length).sort()).toEqual([1, 1, 1, 1, 1, 1, 2, 2, 3]);
    const closest = [...result.trials].sort(
      (a, b) =>
        Math.abs(Math.log10(a.params['train.optimizer.learningRate'] as number) + 2) -
        Math.abs(Math.log10(b.params['train.optimizer.learningRate'] as number) + 2),
    )[0]!;
    expect(result.best.trial).toBe(closest.trial);
    expect(result.best.status).toBe('completed');
    expect(result.bestState).toBe(9); // 1 + 2 + 6 epochs, carried through the rungs
    expect(result.best.rungs.map((r) => r.epochs)).toEqual([1, 3, 9]);
  });

  it('is seeded: same seed, same trials and winner, whatever the concurrency; another seed differs', async () => {
    const run = (seed: number, concurrency: number) =>
      tuneHyperparameters({
        space,
        trials: 6,
        seed,
        concurrency,
        halving: { minEpochs: 1, maxEpochs: 4, eta: 2 },
        runTrial: fake,
      });
    const [a, b, c] = [await run(3, 1), await run(3, 3), await run(4, 1)];
    expect(b.trials).toEqual(a.trials);
    expect(b.best.trial).toBe(a.best.trial);
    expect(c.trials.map((t) => t.params)).not.toEqual(a.trials.map((t) => t.params));
  });

  it("tunes real models: deterministic trials and weights, the metric is the winner model's validation AUC after all rungs, no leaked tensors", async () => {
    const train = makeBinaryRows(1500, 1);
    const validation = makeBinaryRows(600, 2);
    const baseline = tf.memory().numTensors;
    const run = () =>
      tuneHyperparameters({
        space: {
          'train.optimizer.learningRate': { kind: 'log-uniform', low: 1e-3, high: 5e-2 },
          'model.hiddenLayers': { kind: 'categorical', values: [[4], [16, 8]] },
        },
        trials: 4,
        seed: 2,
        halving: { minEpochs: 2, maxEpochs: 8, eta: 2 },
        runTrial: createModelTrialRunner({
          base: {
            model: { kind: 'mlp', task: { kind: 'binary' }, hiddenLayers: [4] },
            train: { batchSize: 64 },
          },
          train,
          validation,
        }),
      });
    const [a, b] = [await run(), await run()];
    expect(tf.memory().numTensors).toBe(baseline);
    expect(a.trials).toEqual(b.trials);
    expect(weightBytes(a.bestState.model).equals(weightBytes(b.bestState.model))).toBe(true);
    // The winner's metric is its model's validation ROC AUC, after 8 epochs in all.
    const scores = await predictProba(a.bestState.model, validation.x);
    expect(computeRocAuc({ yTrue: validation.y, yScore: scores })).toBe(a.best.finalMetric);
    expect(a.best.rungs.at(-1)?.epochs).toBe(8);
    expect(a.best.rungs.at(-1)?.history.at(-1)?.epoch).toBe(8);
    expect(a.best.finalMetric).toBeGreaterThan(0.85);
    expect(a.best.finalMetric).toBeGreaterThanOrEqual(Math.max(...a.trials.map((t) => t.rungs[0]!.metric)));
  });
});
