import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.js';
import { createModel } from '../models/create-model.js';
import type { DenseModel } from '../models/dense-model.js';
import { predictProbaSync } from '../models/predict-proba.js';
import { createMulberry32 } from '../random/create-mulberry32.js';
import { forwardReference } from '../testing/forward-reference.js';
import { DenseKernel } from './dense-kernel.js';

beforeAll(async () => {
  await selectBackend({ prefer: 'wasm' });
});

/** A model with seeded weights and non-zero biases, so padding or bias mistakes show. */
function model(width: number, hidden: number[], task: 'binary' | 'multiclass' | 'regression', seed: number) {
  const taskSpec =
    task === 'multiclass'
      ? { kind: 'multiclass' as const, numClasses: 3 + (seed % 5) }
      : task === 'binary'
        ? { kind: 'binary' as const }
        : { kind: 'regression' as const };
  // No hidden layer: logistic regression for the classifiers, linear regression for regression.
  const spec =
    hidden.length > 0
      ? { kind: 'mlp' as const, task: taskSpec, hiddenLayers: hidden }
      : taskSpec.kind === 'regression'
        ? { kind: 'linear-regression' as const }
        : { kind: 'logistic-regression' as const, task: taskSpec };
  const created = createModel(spec, width, { seed });
  const random = createMulberry32(seed + 1);
  for (const layer of created.layers)
    for (let i = 0; i < layer.bias.length; i++) layer.bias[i] = random() - 0.5;
  return created;
}

function matrix(rows: number, width: number, seed: number) {
  const random = createMulberry32(seed);
  const values = new Float32Array(rows * width);
  for (let i = 0; i < values.length; i++) values[i] = (random() - 0.5) * 6;
  return { values, rows, width };
}

function kernelOf(m: DenseModel): DenseKernel {
  const kernel = DenseKernel.of(m);
  if (typeof kernel === 'string') throw new Error(kernel);
  return kernel;
}

/** Largest |a − b| / (1 + |b|) over every output. */
function maxRelativeGap(a: Float64Array, b: ArrayLike<number>): number {
  let gap = 0;
  for (let i = 0; i < a.length; i++) gap = Math.max(gap, Math.abs(a[i]! - b[i]!) / (1 + Math.abs(b[i]!)));
  return gap;
}

describe('DenseKernel', () => {
  it('equals the float64 reference for any layer sizes, row count and chunk size (padding, tiles, blocks)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.integer({ min: 1, max: 70 }), { maxLength: 3 }),
        fc.constantFrom('binary' as const, 'multiclass' as const, 'regression' as const),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 1_000 }),
        (width, hidden, task, rows, chunkRows, seed) => {
          const m = model(width, hidden, task, seed);
          const x = matrix(rows, width, seed + 7);
          const got = kernelOf(m).predict(m, x, chunkRows);
          const outputs = m.layers[m.layers.length - 1]!.units;
          expect(got).toHaveLength(rows * outputs);
          const want: number[] = [];
          for (let r = 0; r < rows; r++)
            want.push(...forwardReference(m, x.values.subarray(r * width, (r + 1) * width)));
          expect(maxRelativeGap(got, want)).toBeLessThan(2e-5);
        },
      ),
      { numRuns: 60, seed: 42 },
    );
  });

  it('agrees with tfjs to float32 rounding on the bench shape (25 → 64 → 32 → 1), over several tiles', () => {
    const m = model(25, [64, 32], 'binary', 5);
    const x = matrix(1_001, 25, 11);
    const kernel = kernelOf(m).predict(m, x, 65_536);
    const tfjs = predictProbaSync(m, x, { engine: 'tfjs' });
    expect(maxRelativeGap(kernel, tfjs)).toBeLessThan(1e-6);
    // Chunks of 13 rows (not a multiple of the 4-row blocks) give the same bytes as one chunk.
    expect(Buffer.from(kernelOf(m).predict(m, x, 13).buffer)).toEqual(Buffer.from(kernel.buffer));
  });

  it('gives the same bytes on every call and for every copy of the model (deterministic)', () => {
    const m = model(9, [17], 'binary', 3);
    const x = matrix(257, 9, 4);
    const first = kernelOf(m).predict(m, x, 64);
    const copy = structuredClone(m);
    expect(DenseKernel.of(copy)).toBe(DenseKernel.of(m)); // one kernel per shape
    expect(Buffer.from(kernelOf(copy).predict(copy, x, 200).buffer)).toEqual(Buffer.from(first.buffer));
    expect(Buffer.from(kernelOf(m).predict(m, x, 64).buffer)).toEqual(Buffer.from(first.buffer));
  });

  it('scores each model with its own weights: same-shape models interleaved, and weights changed in place', () => {
    const a = model(12, [20, 8], 'binary', 21);
    const b = model(12, [20, 8], 'binary', 22);
    const x = matrix(100, 12, 5);
    const reference = (m: DenseModel, r: number) =>
      forwardReference(m, x.values.subarray(r * 12, r * 12 + 12))[0]!;
    const kernel = kernelOf(a);
    expect(kernelOf(b)).toBe(kernel);
    for (const m of [a, b, a]) {
      const got = kernel.predict(m, x, 64);
      for (const r of [0, 37, 99]) expect(Math.abs(got[r]! - reference(m, r))).toBeLessThan(2e-6);
    }
    a.layers[0]!.kernel[5] = 3.5; // a trainer updating its weights in place
    a.layers[2]!.bias[0] = -1.25;
    const changed = kernel.predict(a, x, 64);
    for (const r of [0, 37, 99]) expect(Math.abs(changed[r]! - reference(a, r))).toBeLessThan(2e-6);
  });

  it('leaves tanh and sigmoid hidden layers to tfjs, which predictProbaSync then uses', () => {
    const m = createModel(
      { kind: 'mlp', task: { kind: 'binary' }, hiddenLayers: [6], activation: 'tanh' },
      4,
      {
        seed: 2,
      },
    );
    expect(DenseKernel.of(m)).toBe('a tanh hidden layer (the kernel runs relu and linear ones)');
    const x = matrix(50, 4, 1);
    const auto = predictProbaSync(m, x);
    expect(Buffer.from(auto.buffer)).toEqual(Buffer.from(predictProbaSync(m, x, { engine: 'tfjs' }).buffer));
    expect(Math.abs(auto[7]! - forwardReference(m, x.values.subarray(28, 32))[0]!)).toBeLessThan(2e-6);
  });

  it('grows its memory for a larger chunk and keeps the weights (a million-value input after a small one)', () => {
    const m = model(30, [40], 'regression', 8);
    const kernel = kernelOf(m);
    const small = matrix(8, 30, 2);
    const before = kernel.predict(m, small, 8);
    const big = matrix(40_000, 30, 3);
    const scored = kernel.predict(m, big, 40_000);
    for (const r of [0, 19_999, 39_999])
      expect(
        Math.abs(scored[r]! - forwardReference(m, big.values.subarray(r * 30, (r + 1) * 30))[0]!),
      ).toBeLessThan(2e-5);
    expect(Buffer.from(kernel.predict(m, small, 8).buffer)).toEqual(Buffer.from(before.buffer));
  });
});
