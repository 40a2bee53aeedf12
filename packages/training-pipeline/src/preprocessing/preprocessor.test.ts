import { applyPreprocessor, readFittedPreprocessor } from '@fti/model-runtime';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ColumnValueError, InvalidInputError } from '../errors.js';
import { fitPreprocessor } from './fit-preprocessor.js';
import type { PreprocessorSpec } from './preprocessor-spec.js';

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
// Values on a 1e-3 grid: spreads far from the subnormal range, where a variance cannot be represented.
const gridValue = fc.integer({ min: -1e9, max: 1e9 }).map((v) => v / 1e3);

describe('fitPreprocessor / applyPreprocessor', () => {
  it('standard scaling of the training data gives mean 0 and std 1 per column (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(gridValue, gridValue), { minLength: 3, maxLength: 200 }), (pairs) => {
        const a = Float64Array.from(pairs, ([x]) => x);
        const b = Float64Array.from(pairs, ([, y]) => y * 1e-3 + 7);
        const spec: PreprocessorSpec = {
          features: [
            { kind: 'numeric', column: 'a', scale: 'standard' },
            { kind: 'numeric', column: 'b', scale: 'standard' },
          ],
        };
        const matrix = applyPreprocessor(fitPreprocessor(spec, { a, b }), { a, b });
        for (const [j, source] of [a, b].entries()) {
          // Only well-conditioned columns can reach mean 0 / std 1: when the spread is below ~1e-6 of the
          // magnitude, the rounding of the mean itself (an ulp of the values) is no longer small against it.
          const rawMean = source.reduce((s, v) => s + v, 0) / source.length;
          const rawStd = Math.sqrt(source.reduce((s, v) => s + (v - rawMean) ** 2, 0) / source.length);
          const magnitude = source.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
          const wellConditioned = rawStd > 1e-6 * magnitude;
          const constant = source.every((v) => v === source[0]);
          if (!wellConditioned && !constant) continue;
          let sum = 0;
          let squares = 0;
          for (let i = 0; i < matrix.rows; i++) sum += matrix.values[i * 2 + j]!;
          const mean = sum / matrix.rows;
          for (let i = 0; i < matrix.rows; i++) squares += (matrix.values[i * 2 + j]! - mean) ** 2;
          const std = Math.sqrt(squares / matrix.rows);
          // Float32 output: tolerance of a few float32 ulps of values up to ~sqrt(n).
          expect(Math.abs(mean)).toBeLessThan(1e-5);
          if (!constant) expect(Math.abs(std - 1)).toBeLessThan(1e-5);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('JSON round-trip of the fitted preprocessor gives bit-identical outputs (property)', () => {
    const category = fc.option(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { nil: null });
    const row = fc.record({
      x: fc.option(finite, { nil: Number.NaN }),
      y: fc.double({ min: 0, max: 1e4, noNaN: true }),
      c: category,
    });
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 2, maxLength: 100 }),
        fc.array(row, { minLength: 1, maxLength: 50 }),
        (train, serve) => {
          const columns = (rows: typeof train) => ({
            x: Float64Array.from(rows, (r) => r.x),
            y: Float64Array.from(rows, (r) => r.y),
            c: rows.map((r) => r.c),
          });
          if (train.every((r) => Number.isNaN(r.x))) train[0]!.x = 1;
          const spec: PreprocessorSpec = {
            features: [
              {
                kind: 'numeric',
                column: 'x',
                impute: { strategy: 'median', indicator: true },
                scale: 'robust',
              },
              { kind: 'numeric', column: 'y', log1p: true, scale: 'minmax' },
              { kind: 'one-hot', column: 'c', maxCategories: 3 },
            ],
          };
          const fitted = fitPreprocessor(spec, columns(train));
          const restored = readFittedPreprocessor(JSON.parse(JSON.stringify(fitted)));
          expect(restored).toEqual(fitted);
          const direct = applyPreprocessor(fitted, columns(serve));
          const viaJson = applyPreprocessor(restored, columns(serve));
          expect(Buffer.from(viaJson.values.buffer).equals(Buffer.from(direct.values.buffer))).toBe(true);
          // Every one-hot block has exactly one 1 per row.
          const start = direct.featureNames.findIndex((name) => name.startsWith('c='));
          for (let i = 0; i < direct.rows; i++) {
            let ones = 0;
            for (let j = start; j < direct.width; j++) ones += direct.values[i * direct.width + j]!;
            expect(ones).toBe(1);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('one-hot: sorted categories, null as its own category, maxCategories folds into __other__, unseen bucket', () => {
    const train = { city: ['Paris', 'Lyon', 'Paris', 'Nice', null, 'Paris', 'Lyon', 'Metz'] };
    const fitted = fitPreprocessor(
      { features: [{ kind: 'one-hot', column: 'city', maxCategories: 3 }] },
      train,
    );
    expect(fitted.featureNames).toEqual(['city=Lyon', 'city=Paris', 'city=__other__', 'city=__unseen__']);
    const out = applyPreprocessor(fitted, { city: ['Lyon', 'Nice', 'Berlin', null, 'Paris'] });
    expect(Array.from(out.values)).toEqual([1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0]);
    const all = fitPreprocessor({ features: [{ kind: 'one-hot', column: 'city' }] }, train);
    expect(all.featureNames).toEqual([
      'city=Lyon',
      'city=Metz',
      'city=Nice',
      'city=Paris',
      'city=<null>',
      'city=__unseen__',
    ]);
  });

  it('numeric steps: constant imputation with indicator, log1p, min-max, values pinned', () => {
    const x = Float64Array.from([0, Number.NaN, 3, 7]);
    const fitted = fitPreprocessor(
      {
        features: [
          {
            kind: 'numeric',
            column: 'x',
            impute: { strategy: 'constant', value: 1, indicator: true },
            log1p: true,
            scale: 'minmax',
          },
        ],
      },
      { x },
    );
    const out = applyPreprocessor(fitted, { x });
    // log1p: [0, ln 2, ln 4, ln 8] → min-max → [0, 1/3, 2/3, 1].
    expect(Array.from(out.values)).toEqual([0, 0, 1 / 3, 1, 2 / 3, 0, 1, 0].map(Math.fround));
  });

  it('NaN without imputation, Inf, and log1p out of domain name the column and row', () => {
    const spec: PreprocessorSpec = { features: [{ kind: 'numeric', column: 'amount', scale: 'standard' }] };
    expect(() => fitPreprocessor(spec, { amount: Float64Array.from([1, Number.NaN]) })).toThrow(
      /column `amount` \(row 1\): is NaN; add `impute`/,
    );
    const fitted = fitPreprocessor(
      { features: [{ kind: 'numeric', column: 'amount', impute: { strategy: 'mean' } }] },
      { amount: Float64Array.from([1, Number.NaN, 3]) },
    );
    expect(() =>
      applyPreprocessor(fitted, { amount: Float64Array.from([1, Number.POSITIVE_INFINITY]) }),
    ).toThrow(ColumnValueError);
    expect(() =>
      fitPreprocessor(
        { features: [{ kind: 'numeric', column: 'amount', log1p: true }] },
        { amount: Float64Array.from([0, -1]) },
      ),
    ).toThrow(/column `amount` \(row 1\): is -1; log1p needs values > -1/);
    expect(() => applyPreprocessor(fitted, { other: Float64Array.from([1]) })).toThrow(InvalidInputError);
    expect(() => fitPreprocessor(spec, { amount: ['1', '2'] })).toThrow(/must be a Float64Array/);
    expect(() => readFittedPreprocessor({ ...fitted, featureNames: ['x'] })).toThrow(
      /featureNames that do not match/,
    );
  });
});
