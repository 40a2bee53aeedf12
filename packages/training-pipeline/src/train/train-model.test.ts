import { createModel, predictProba, selectBackend } from '@fti/model-runtime';
import { makeBinaryRows, makeRows, weightBytes } from '@fti/model-runtime/testing';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { computeRocAuc } from '../evaluation/compute-roc-auc.js';
import { computeClassWeights } from '../splits/compute-class-weights.js';
import { expandClassWeights } from '../splits/expand-class-weights.js';
import { evaluateValidation } from './evaluate-validation.js';
import { trainModel } from './train-model.js';

const mlp = { kind: 'mlp', task: { kind: 'binary' }, hiddenLayers: [16, 8] } as const;
const train = makeBinaryRows(2000, 1);
const validation = makeBinaryRows(1000, 2);

beforeAll(async () => {
  await selectBackend({ prefer: 'wasm' });
});

describe('trainModel', () => {
  it('learns a nonlinear binary task, reporting per-epoch loss and validation metrics', async () => {
    const seen: number[] = [];
    const result = await trainModel(createModel(mlp, 4, { seed: 3 }), {
      train,
      validation,
      spec: { epochs: 15, batchSize: 64, optimizer: { kind: 'adam', learningRate: 0.01 } },
      seed: 5,
      onEpoch: (metrics) => {
        seen.push(metrics.epoch);
      },
    });
    expect(seen).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(result).toMatchObject({ bestEpoch: 15, stoppedEarly: false, steps: 15 * 32 });
    expect(result.backend.name).toBe('wasm');
    const [first, last] = [result.history[0]!, result.history[14]!];
    expect(last.loss).toBeLessThan(first.loss * 0.6);
    expect(last.valRocAuc).toBeGreaterThan(0.95);
    // The reported validation metrics are the package's metrics on the returned model's predictions.
    const scores = await predictProba(result.model, validation.x);
    expect(computeRocAuc({ yTrue: validation.y, yScore: scores })).toBe(last.valRocAuc);
  });

  it('is deterministic: same data and seeds give bit-identical weights; another seed does not', async () => {
    const run = (seed: number) =>
      trainModel(createModel({ ...mlp, dropout: 0.2, l2: 1e-3 }, 4, { seed: 3 }), {
        train,
        spec: { epochs: 3, batchSize: 100 },
        seed,
      });
    const [a, b, c] = [await run(9), await run(9), await run(10)];
    expect(weightBytes(a.model).equals(weightBytes(b.model))).toBe(true);
    expect(a.history).toEqual(b.history);
    expect(weightBytes(a.model).equals(weightBytes(c.model))).toBe(false);
  });

  it('leaves no tensors behind after training and prediction', async () => {
    const baseline = tf.memory().numTensors;
    const result = await trainModel(createModel({ ...mlp, dropout: 0.1 }, 4, { seed: 1 }), {
      train,
      validation,
      spec: { epochs: 2, batchSize: 300, earlyStopping: { patience: 1 } },
      seed: 1,
    });
    await predictProba(result.model, validation.x, { chunkRows: 333 });
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('stops early on the validation loss and restores the best epoch weights', async () => {
    // Few noisy rows and a large step: the model overfits and the validation loss turns up.
    const small = makeRows({
      rows: 120,
      width: 6,
      seed: 4,
      labels: (n) => new Uint8Array(n),
      label: (x, noise) => (x[0]! + noise * 2 > 0 ? 1 : 0),
    });
    const held = makeRows({
      rows: 400,
      width: 6,
      seed: 5,
      labels: (n) => new Uint8Array(n),
      label: (x, noise) => (x[0]! + noise * 2 > 0 ? 1 : 0),
    });
    const result = await trainModel(
      createModel({ kind: 'mlp', task: { kind: 'binary' }, hiddenLayers: [64, 64] }, 6, { seed: 2 }),
      {
        train: small,
        validation: held,
        spec: {
          epochs: 200,
          batchSize: 16,
          optimizer: { kind: 'adam', learningRate: 0.01 },
          earlyStopping: { patience: 3 },
        },
        seed: 2,
      },
    );
    const losses = result.history.map((epoch) => epoch.valLoss!);
    const best = losses.indexOf(Math.min(...losses)) + 1;
    expect(result.stoppedEarly).toBe(true);
    expect(result.bestEpoch).toBe(best);
    expect(result.history).toHaveLength(best + 3);
    expect(evaluateValidation(result.model, held).valLoss).toBe(losses[best - 1]);
  });

  it('weights each row loss by its sample weight (balanced class weights)', async () => {
    const rare = makeRows({
      rows: 1500,
      width: 3,
      seed: 8,
      labels: (n) => new Uint8Array(n),
      label: (x, noise) => (x[0]! + noise > 1.5 ? 1 : 0),
    });
    const fit = async (sampleWeight?: Float64Array) => {
      const { model } = await trainModel(
        createModel({ kind: 'logistic-regression', task: { kind: 'binary' } }, 3, { seed: 1 }),
        {
          train: { ...rare, ...(sampleWeight ? { sampleWeight } : {}) },
          spec: { epochs: 20, batchSize: 64, optimizer: { kind: 'adam', learningRate: 0.05 } },
          seed: 1,
        },
      );
      const p = await predictProba(model, rare.x);
      const w = sampleWeight ?? new Float64Array(p.length).fill(1);
      // At a logistic regression's optimum Σ wᵢ (pᵢ − yᵢ) = 0: the weighted mean p is the weighted positive rate.
      return {
        mean: p.reduce((s, v) => s + v, 0) / p.length,
        weightedMean: p.reduce((s, v, i) => s + v * w[i]!, 0) / w.reduce((s, v) => s + v, 0),
      };
    };
    const positives = rare.y.reduce((s, v) => s + v, 0) / rare.y.length;
    const plain = await fit();
    const balanced = await fit(expandClassWeights(rare.y, computeClassWeights({ labels: rare.y })));
    expect(positives).toBeLessThan(0.15);
    expect(Math.abs(plain.mean - positives)).toBeLessThan(0.02);
    expect(Math.abs(balanced.weightedMean - 0.5)).toBeLessThan(0.02);
    expect(balanced.mean).toBeGreaterThan(plain.mean + 0.15);
  });

  it('fits linear regression to the generating coefficients with SGD + momentum', async () => {
    const rows = makeRows({
      rows: 1000,
      width: 2,
      seed: 6,
      labels: (n) => new Float64Array(n),
      label: (x, noise) => 2 * x[0]! - 3 * x[1]! + 0.5 + noise * 0.01,
    });
    const { model, history } = await trainModel(createModel({ kind: 'linear-regression' }, 2, { seed: 1 }), {
      train: rows,
      spec: {
        epochs: 30,
        batchSize: 32,
        optimizer: { kind: 'sgd', learningRate: 0.05, momentum: 0.9, nesterov: true },
      },
      seed: 1,
    });
    const [layer] = model.layers;
    expect(layer!.kernel[0]).toBeCloseTo(2, 2);
    expect(layer!.kernel[1]).toBeCloseTo(-3, 2);
    expect(layer!.bias[0]).toBeCloseTo(0.5, 2);
    expect(history.at(-1)!.loss).toBeLessThan(0.001);
  });

  it('classifies three classes with a softmax MLP (tanh) and softmax regression', async () => {
    const blobs = makeRows({
      rows: 1500,
      width: 2,
      seed: 7,
      labels: (n) => new Int32Array(n),
      label: (x) => (x[0]! > 0.5 ? 2 : x[1]! > 0 ? 1 : 0),
    });
    for (const spec of [
      { kind: 'mlp', task: { kind: 'multiclass', numClasses: 3 }, hiddenLayers: [16], activation: 'tanh' },
      { kind: 'logistic-regression', task: { kind: 'multiclass', numClasses: 3 } },
    ] as const) {
      const { model, history } = await trainModel(createModel(spec, 2, { seed: 1 }), {
        train: blobs,
        validation: blobs,
        spec: { epochs: 20, batchSize: 50, optimizer: { kind: 'adam', learningRate: 0.02 } },
        seed: 1,
      });
      const p = await predictProba(model, blobs.x);
      let correct = 0;
      for (let r = 0; r < blobs.x.rows; r++) {
        const row = Array.from(p.subarray(r * 3, r * 3 + 3));
        expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
        if (row.indexOf(Math.max(...row)) === blobs.y[r]) correct++;
      }
      expect(correct / blobs.x.rows).toBeGreaterThan(0.93);
      expect(history.at(-1)!.valRocAuc).toBeNull();
    }
  });

  it('rejects bad input with the row and what to do', async () => {
    const model = createModel(mlp, 4, { seed: 1 });
    const nan = { ...train, x: { ...train.x, values: train.x.values.slice() } };
    nan.x.values[4 * 7 + 2] = Number.NaN;
    await expect(trainModel(model, { train: nan, seed: 1 })).rejects.toThrow(
      '`train.x` row 7 column 2 is NaN; impute or drop it before training',
    );
    const badLabel = { ...train, y: train.y.slice() };
    badLabel.y[3] = 2;
    await expect(trainModel(model, { train: badLabel, seed: 1 })).rejects.toThrow(
      '`train.y` row 3 is 2; expected 0 or 1',
    );
    await expect(trainModel(model, { train, seed: 1, spec: { earlyStopping: {} } })).rejects.toThrow(
      InvalidInputError,
    );
    await expect(trainModel(model, { train, seed: 1, spec: { batchSize: 0 } })).rejects.toThrow(/batchSize/);
    await expect(trainModel(createModel(mlp, 3, { seed: 1 }), { train, seed: 1 })).rejects.toThrow(
      '`train.x` has 4 columns but the model reads 3',
    );
  });
});
