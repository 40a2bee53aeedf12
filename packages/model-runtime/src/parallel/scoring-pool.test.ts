import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.js';
import { ColumnValueError, InvalidInputError, ModelRuntimeError } from '../errors.js';
import { createModel } from '../models/create-model.js';
import { predictProbaSync } from '../models/predict-proba.js';
import { applyPreprocessor } from '../preprocessing/apply-preprocessor.js';
import type { FittedPreprocessor } from '../preprocessing/fitted-preprocessor.js';
import { listFeatureNames } from '../preprocessing/list-feature-names.js';
import { createMulberry32 } from '../random/create-mulberry32.js';
import { ScoringPool } from './scoring-pool.js';

const features: FittedPreprocessor['features'] = [
  {
    kind: 'numeric',
    column: 'amount',
    impute: { value: 3, indicator: true },
    log1p: true,
    scale: { kind: 'standard', center: 1.5, scale: 0.7 },
  },
  { kind: 'one-hot', column: 'category', categories: ['x', 'y', null], infrequent: ['z'] },
  {
    kind: 'numeric',
    column: 'days',
    impute: null,
    log1p: false,
    scale: { kind: 'minmax', scale: 0.25, min: -1 },
  },
];
const preprocessor: FittedPreprocessor = {
  format: 'fti-preprocessor',
  version: 1,
  features,
  featureNames: listFeatureNames(features),
};
const model = createModel(
  { kind: 'mlp', task: { kind: 'binary' }, hiddenLayers: [16, 8] },
  preprocessor.featureNames.length,
  { seed: 5 },
);

function columns(rows: number, seed: number) {
  const random = createMulberry32(seed);
  return {
    amount: Float64Array.from({ length: rows }, () => (random() < 0.1 ? Number.NaN : random() * 1e3)),
    category: Array.from({ length: rows }, () => ['x', 'y', 'z', 'w', null][Math.floor(random() * 5)]!),
    days: Float64Array.from({ length: rows }, () => Math.floor(random() * 365)),
  };
}

let pool: ScoringPool;
beforeAll(async () => {
  await selectBackend({ prefer: 'wasm' });
  pool = await ScoringPool.open(model, preprocessor, { threads: 2, chunkRows: 4096 });
});
afterAll(async () => {
  await pool.close();
});

describe('ScoringPool', () => {
  it('scores raw columns on two worker threads exactly as preprocessing + predictProbaSync in this thread', async () => {
    expect(pool.threads).toBe(2);
    const input = columns(10_001, 1); // odd: the blocks differ in size
    const want = predictProbaSync(model, applyPreprocessor(preprocessor, input));
    const got = await pool.score(input);
    expect(got).toHaveLength(10_001);
    expect(got).toEqual(want);
    expect(got[5000]).toBeGreaterThan(0);
    expect(got[5000]).toBeLessThan(1);
  });

  it('applies the model to a preprocessed matrix as predictProbaSync does, and runs calls concurrently', async () => {
    const matrices = [2, 3, 4].map((seed) => applyPreprocessor(preprocessor, columns(7_000, seed)));
    const got = await Promise.all(matrices.map((m) => pool.predict(m)));
    matrices.forEach((m, i) => {
      expect(got[i]).toEqual(predictProbaSync(model, m));
    });
  });

  it('runs the engine it is given: tfjs layers equal predictProbaSync on tfjs, within 1e-6 of the kernel', async () => {
    const tfjsPool = await ScoringPool.open(model, preprocessor, { threads: 2, engine: 'tfjs' });
    const matrix = applyPreprocessor(preprocessor, columns(5_001, 9));
    const onTfjs = await tfjsPool.predict(matrix);
    await tfjsPool.close();
    expect(onTfjs).toEqual(predictProbaSync(model, matrix, { engine: 'tfjs' }));
    const onKernel = await pool.predict(matrix);
    let gap = 0;
    for (let r = 0; r < 5_001; r++) gap = Math.max(gap, Math.abs(onTfjs[r]! - onKernel[r]!));
    expect(gap).toBeGreaterThan(0); // two engines really ran
    expect(gap).toBeLessThan(1e-6);
  });

  it('reports a bad value with its row in the whole call, as applyPreprocessor would', async () => {
    const input = columns(6_000, 6);
    input.days[4_321] = Number.NaN; // in the second block; `days` has no imputation
    const error = await pool.score(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ColumnValueError);
    expect((error as ColumnValueError).column).toBe('days');
    expect((error as ColumnValueError).row).toBe(4_321);
    expect(() => applyPreprocessor(preprocessor, input)).toThrow((error as Error).message);
    // The pool still serves after a failed call.
    const ok = columns(3_000, 7);
    expect(await pool.score(ok)).toEqual(predictProbaSync(model, applyPreprocessor(preprocessor, ok)));
  });

  it('scores in this thread with threads 1, and refuses bad options and a closed pool', async () => {
    const single = await ScoringPool.open(model, preprocessor, { threads: 1 });
    expect(single.threads).toBe(0);
    const input = columns(2_000, 8);
    expect(await single.score(input)).toEqual(
      predictProbaSync(model, applyPreprocessor(preprocessor, input)),
    );
    await single.close();
    await expect(single.score(input)).rejects.toThrow(ModelRuntimeError);
    await expect(ScoringPool.open(model, preprocessor, { threads: 0 })).rejects.toThrow(InvalidInputError);
    const narrow = { ...preprocessor, featureNames: ['one'] };
    await expect(ScoringPool.open(model, narrow)).rejects.toThrow(/writes 1 columns but the model reads 8/);
  });
});
