import { createModel } from '@fti/model-runtime';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors.js';

const bytes = (arrays: Float32Array[]) =>
  Buffer.concat(arrays.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength)));

describe('createModel', () => {
  it('plans hidden and output layers for each kind of spec', () => {
    const shapes = (spec: Parameters<typeof createModel>[0]) =>
      createModel(spec, 7, { seed: 1 }).layers.map((l) => `${l.inputs}x${l.units}:${l.activation}`);
    expect(shapes({ kind: 'logistic-regression', task: { kind: 'binary' } })).toEqual(['7x1:sigmoid']);
    expect(shapes({ kind: 'logistic-regression', task: { kind: 'multiclass', numClasses: 4 } })).toEqual([
      '7x4:softmax',
    ]);
    expect(shapes({ kind: 'linear-regression' })).toEqual(['7x1:linear']);
    expect(shapes({ kind: 'mlp', task: { kind: 'binary' }, hiddenLayers: [64, 32] })).toEqual([
      '7x64:relu',
      '64x32:relu',
      '32x1:sigmoid',
    ]);
    expect(
      shapes({ kind: 'mlp', task: { kind: 'regression' }, hiddenLayers: [5], activation: 'tanh' }),
    ).toEqual(['7x5:tanh', '5x1:linear']);
    expect(
      createModel({ kind: 'mlp', task: { kind: 'binary' }, hiddenLayers: [3] }, 2, { seed: 1 }).spec,
    ).toEqual({
      kind: 'mlp',
      task: { kind: 'binary' },
      hiddenLayers: [3],
      activation: 'relu',
      dropout: 0,
      l2: 0,
    });
  });

  it('initialises Glorot-uniform kernels and zero biases, bit-identical per seed', () => {
    const spec = { kind: 'mlp', task: { kind: 'binary' }, hiddenLayers: [200] } as const;
    const a = createModel(spec, 300, { seed: 42 });
    const b = createModel(spec, 300, { seed: 42 });
    const c = createModel(spec, 300, { seed: 43 });
    const kernels = (m: typeof a) => bytes(m.layers.map((l) => l.kernel));
    expect(kernels(a).equals(kernels(b))).toBe(true);
    expect(kernels(a).equals(kernels(c))).toBe(false);
    const kernel = a.layers[0]!.kernel;
    const limit = Math.sqrt(6 / (300 + 200));
    let sum = 0;
    let squares = 0;
    for (const w of kernel) {
      expect(Math.abs(w)).toBeLessThanOrEqual(limit);
      sum += w;
      squares += w * w;
    }
    expect(Math.abs(sum / kernel.length)).toBeLessThan(0.002);
    // U(−l, l) has variance l²/3 = 2 / (fanIn + fanOut).
    expect(squares / kernel.length).toBeCloseTo(2 / 500, 4);
    expect(a.layers.every((l) => l.bias.every((v) => v === 0))).toBe(true);
  });

  it('rejects invalid specs naming the field', () => {
    expect(() =>
      createModel({ kind: 'mlp', task: { kind: 'binary' }, hiddenLayers: [] }, 3, { seed: 1 }),
    ).toThrow(/hiddenLayers/);
    expect(() =>
      createModel({ kind: 'logistic-regression', task: { kind: 'regression' } }, 3, { seed: 1 }),
    ).toThrow(/use linear-regression/);
    expect(() => createModel({ kind: 'linear-regression' }, 0, { seed: 1 })).toThrow(InvalidInputError);
    expect(() =>
      createModel({ kind: 'mlp', task: { kind: 'binary' }, hiddenLayers: [2], dropout: 1 }, 3, { seed: 1 }),
    ).toThrow(/dropout/);
  });
});
