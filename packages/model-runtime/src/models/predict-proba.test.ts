import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.js';
import { createMulberry32 } from '../random/create-mulberry32.js';
import { forwardReference } from '../testing/forward-reference.js';
import { makeBinaryRows } from '../testing/make-rows.js';
import { createModel } from './create-model.js';
import type { DenseModel } from './dense-model.js';
import { predictProba } from './predict-proba.js';

beforeAll(async () => {
  await selectBackend({ prefer: 'wasm' });
});

function withRandomBiases(model: DenseModel): DenseModel {
  const random = createMulberry32(9);
  for (const layer of model.layers)
    for (let i = 0; i < layer.bias.length; i++) layer.bias[i] = random() - 0.5;
  return model;
}

describe('predictProba', () => {
  const rows = makeBinaryRows(1000, 3, 6).x;

  it.each(['auto', 'tfjs'] as const)(
    'matches a float64 reference forward pass on engine %s, whatever the chunk size, leaving no tensors',
    async (engine) => {
      const model = withRandomBiases(
        createModel({ kind: 'mlp', task: { kind: 'binary' }, hiddenLayers: [12, 5] }, 6, { seed: 1 }),
      );
      const baseline = tf.memory().numTensors;
      const whole = await predictProba(model, rows, { engine });
      const chunked = await predictProba(model, rows, { chunkRows: 77, engine });
      expect(tf.memory().numTensors).toBe(baseline);
      expect(whole).toHaveLength(1000);
      for (let r = 0; r < 1000; r++) {
        const [expected] = forwardReference(model, rows.values.subarray(r * 6, r * 6 + 6));
        expect(Math.abs(whole[r]! - expected!)).toBeLessThan(2e-6);
        expect(Math.abs(chunked[r]! - whole[r]!)).toBeLessThan(1e-6);
      }
    },
  );

  it('returns k probabilities per row for multiclass (summing to 1) and values for regression', async () => {
    const multiclass = withRandomBiases(
      createModel(
        { kind: 'mlp', task: { kind: 'multiclass', numClasses: 4 }, hiddenLayers: [8], activation: 'tanh' },
        6,
        { seed: 2 },
      ),
    );
    const p = await predictProba(multiclass, rows, { chunkRows: 300 });
    expect(p).toHaveLength(4000);
    for (let r = 0; r < 1000; r += 37) {
      const expected = forwardReference(multiclass, rows.values.subarray(r * 6, r * 6 + 6));
      const got = Array.from(p.subarray(r * 4, r * 4 + 4));
      expect(got.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
      for (let c = 0; c < 4; c++) expect(Math.abs(got[c]! - expected[c]!)).toBeLessThan(2e-6);
    }
    const linear = withRandomBiases(createModel({ kind: 'linear-regression' }, 6, { seed: 3 }));
    const values = await predictProba(linear, rows);
    expect(Math.abs(values[5]! - forwardReference(linear, rows.values.subarray(30, 36))[0]!)).toBeLessThan(
      1e-5,
    );
  });

  it('rejects a matrix of the wrong width and a bad chunk size', async () => {
    const model = createModel({ kind: 'linear-regression' }, 5, { seed: 1 });
    await expect(predictProba(model, rows)).rejects.toThrow('`matrix` has 6 columns but the model reads 5');
    await expect(
      predictProba(createModel({ kind: 'linear-regression' }, 6, { seed: 1 }), rows, { chunkRows: 0 }),
    ).rejects.toThrow('`chunkRows` must be a positive integer, got 0');
  });
});
