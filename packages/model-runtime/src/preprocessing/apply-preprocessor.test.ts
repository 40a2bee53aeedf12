import { describe, expect, it } from 'vitest';
import { ColumnValueError } from '../errors.js';
import { createMulberry32 } from '../random/create-mulberry32.js';
import { applyPreprocessor } from './apply-preprocessor.js';
import { applyScale } from './apply-scale.js';
import type { FittedNumericFeature, FittedPreprocessor } from './fitted-preprocessor.js';
import { listFeatureNames } from './list-feature-names.js';
import { prepareNumericColumn } from './prepare-numeric-column.js';

const features: FittedPreprocessor['features'] = [
  {
    kind: 'numeric',
    column: 'a',
    impute: { value: 3, indicator: true },
    log1p: true,
    scale: { kind: 'standard', center: 1.5, scale: 0.7 },
  },
  { kind: 'one-hot', column: 'c', categories: ['x', 'y', null], infrequent: ['z'] },
  {
    kind: 'numeric',
    column: 'b',
    impute: null,
    log1p: false,
    scale: { kind: 'minmax', scale: 0.25, min: -1 },
  },
  { kind: 'numeric', column: 'd', impute: { value: -0.5, indicator: false }, log1p: false, scale: null },
];
const fitted: FittedPreprocessor = {
  format: 'fti-preprocessor',
  version: 1,
  features,
  featureNames: listFeatureNames(features),
};

describe('applyPreprocessor', () => {
  it('equals the column-wise reference (prepareNumericColumn, applyScale, one-hot) bit for bit across row tiles', () => {
    const random = createMulberry32(11);
    const rows = 2_500; // spans three 1,024-row tiles
    const a = Float64Array.from({ length: rows }, () => (random() < 0.1 ? Number.NaN : random() * 1e4));
    const b = Float64Array.from({ length: rows }, () => random() * 100 - 50);
    const d = Float64Array.from({ length: rows }, () => (random() < 0.2 ? Number.NaN : random()));
    const c = Array.from(
      { length: rows },
      () => ['x', 'y', 'z', 'w', null, undefined, 7][Math.floor(random() * 7)],
    );
    const matrix = applyPreprocessor(fitted, { a, b, c, d });
    expect(matrix.width).toBe(9);
    const preparedA = prepareNumericColumn(features[0] as never, a);
    const want = new Float32Array(rows * 9);
    for (let i = 0; i < rows; i++) {
      const row = want.subarray(i * 9, i * 9 + 9);
      row[0] = applyScale({ kind: 'standard', center: 1.5, scale: 0.7 }, preparedA.values[i]!);
      row[1] = preparedA.missing[i]!;
      const slot = { x: 0, y: 1, z: 3 }[c[i] as string] ?? (c[i] === null || c[i] === undefined ? 2 : 4);
      row[2 + slot] = 1;
      row[7] = applyScale({ kind: 'minmax', scale: 0.25, min: -1 }, b[i]!);
      row[8] = Number.isNaN(d[i]!) ? -0.5 : d[i]!;
    }
    expect(Buffer.from(matrix.values.buffer).equals(Buffer.from(want.buffer))).toBe(true);
  });

  it('names the column and first bad row: NaN without impute, ±Inf, log1p domain (imputed values too)', () => {
    const base = {
      a: Float64Array.from([1, 2, 3]),
      b: Float64Array.from([1, 2, 3]),
      c: ['x', 'y', 'x'],
      d: Float64Array.from([0, 0, 0]),
    };
    const bad = (column: 'a' | 'b' | 'd', row: number, value: number) => {
      const values = Float64Array.from(base[column]);
      values[row] = value;
      return () => applyPreprocessor(fitted, { ...base, [column]: values });
    };
    expect(bad('b', 2, Number.NaN)).toThrow(/column `b` \(row 2\): is NaN; add `impute`/);
    expect(bad('b', 1, Number.POSITIVE_INFINITY)).toThrow(/column `b` \(row 1\): is Infinity; infinite/);
    expect(bad('d', 0, Number.NEGATIVE_INFINITY)).toThrow(/column `d` \(row 0\): is -Infinity; infinite/);
    expect(bad('a', 1, -1)).toThrow(/column `a` \(row 1\): is -1; log1p needs values > -1/);
    expect(bad('a', 1, Number.NEGATIVE_INFINITY)).toThrow(ColumnValueError);
    const imputedBelow: FittedPreprocessor = {
      ...fitted,
      features: [{ ...(features[0] as FittedNumericFeature), impute: { value: -2, indicator: true } }],
      featureNames: ['a', 'a__missing'],
    };
    expect(() => applyPreprocessor(imputedBelow, { a: Float64Array.from([0, Number.NaN]) })).toThrow(
      /column `a` \(row 1\): is -2; log1p needs values > -1/,
    );
    // The finite values below -1 are fine without log1p.
    expect(applyPreprocessor(fitted, { ...base, d: Float64Array.from([-5, 0, 0]) }).values[8]).toBe(-5);
  });

  it('writes into a given buffer, zeroing what a previous block left, and refuses one too small', () => {
    const block = (c: (string | null)[]) => ({
      a: Float64Array.from(c, (_, i) => i + 1),
      b: Float64Array.from(c, (_, i) => i * 2),
      c,
      d: new Float64Array(c.length),
    });
    const width = fitted.featureNames.length;
    const into = new Float32Array(10 * width).fill(7);
    const first = applyPreprocessor(fitted, block(['x', 'y', 'z', null, 'x', 'y']), { into });
    expect(first.values.buffer).toBe(into.buffer);
    const second = applyPreprocessor(fitted, block(['y', 'x', 'w']), { into });
    expect(Array.from(second.values)).toEqual(
      Array.from(applyPreprocessor(fitted, block(['y', 'x', 'w'])).values),
    );
    expect(second.values).toHaveLength(3 * width);
    expect(() => applyPreprocessor(fitted, block(Array<string>(11).fill('x')), { into })).toThrow(
      '`into` holds ' + 10 * width + ' values; the matrix needs ' + 11 * width + ' (rows × width)',
    );
  });
});
