import { describe, expect, it } from 'vitest';
import { ColumnMismatchError } from '../errors.js';
import { buildNumericProfile } from '../profile/build-numeric-profile.js';
import { buildReferenceProfiles } from '../profile/build-reference-profiles.js';
import { countCategories } from '../profile/count-categories.js';
import type { ColumnDrift } from './column-drift.js';
import { computeCategoricalDrift } from './compute-categorical-drift.js';
import { computeDatasetDrift } from './compute-dataset-drift.js';
import { computeDrift } from './compute-drift.js';
import { computeNumericDrift } from './compute-numeric-drift.js';

const ramp = (n: number, shift = 0) => Float64Array.from({ length: n }, (_, i) => (i % 97) + shift);
const cats = (codes: number[], dictionary = ['a', 'b', 'c']) => ({
  codes: Int32Array.from(codes),
  dictionary,
});

function hasNoNaN(drift: ColumnDrift): boolean {
  return [drift.score, drift.statistic, drift.pValue, drift.threshold].every(
    (x) => x === null || !Number.isNaN(x),
  );
}

describe('computeNumericDrift edge cases', () => {
  it('flags an empty or all-NaN current window instead of scoring NaN', () => {
    const profile = buildNumericProfile(ramp(500));
    const drift = computeNumericDrift(profile, Float64Array.from([Number.NaN, Number.NaN]), { column: 'x' });
    expect(drift).toMatchObject({
      status: 'empty-current',
      score: null,
      drifted: false,
      current: { count: 0, missingCount: 2 },
    });
    const empty = computeNumericDrift(buildNumericProfile(new Float64Array(0)), ramp(10), { column: 'x' });
    expect(empty).toMatchObject({ status: 'empty-reference', method: null, score: null, drifted: false });
  });

  it('flags identical constant columns with p = 1 / distance 0 for every method', () => {
    const profile = buildNumericProfile(new Float64Array(2000).fill(3));
    for (const method of ['ks', 'wasserstein', 'psi', 'jensenshannon', 'chisquare', 'ztest'] as const) {
      const drift = computeNumericDrift(profile, new Float64Array(50).fill(3), { column: 'x', method });
      expect(drift.status).toBe('constant');
      expect(drift.drifted).toBe(false);
      expect(drift.score).toBe(method === 'ks' || method === 'chisquare' || method === 'ztest' ? 1 : 0);
    }
  });

  it('scores a constant reference against a moved current without NaN (std floored at 0.001)', () => {
    const drift = computeNumericDrift(buildNumericProfile(new Float64Array(2000).fill(3)), ramp(100), {
      column: 'x',
    });
    expect(drift.method).toBe('wasserstein');
    expect(drift.drifted).toBe(true);
    expect(hasNoNaN(drift)).toBe(true);
  });

  it('excludes NaN and infinities and counts them as missing', () => {
    const current = Float64Array.from([1, 2, Number.NaN, Number.POSITIVE_INFINITY, 3, 4, 5, 6, 7]);
    const drift = computeNumericDrift(buildNumericProfile(ramp(300)), current, { column: 'x' });
    expect(drift.current).toEqual({ count: 7, missingCount: 2 });
    expect(drift.method).toBe('ks');
  });

  it('applies per-column overrides of method and threshold', () => {
    const profile = buildNumericProfile(ramp(5000));
    const drift = computeNumericDrift(profile, ramp(5000, 2), { column: 'x', method: 'psi', threshold: 0.5 });
    expect(drift.method).toBe('psi');
    expect(drift.threshold).toBe(0.5);
    expect(drift.drifted).toBe(drift.score! >= 0.5);
  });
});

describe('computeCategoricalDrift', () => {
  it('uses chi-square on small references and flags a clear shift', () => {
    const profile = countCategories(cats([...Array(300)].map((_, i) => i % 3)));
    const drift = computeCategoricalDrift(
      profile,
      cats([...Array(300)].map((_, i) => (i % 10 === 0 ? 1 : 0))),
      { column: 'c' },
    );
    expect(drift.method).toBe('chisquare');
    expect(drift.drifted).toBe(true);
    expect(drift.pValue!).toBeLessThan(1e-10);
  });

  it('aligns categories by name across different dictionaries, so a recoded window does not drift', () => {
    const profile = countCategories(cats([0, 1, 2, 0, 1, 2]));
    const drift = computeCategoricalDrift(profile, cats([2, 1, 0, 2, 1, 0], ['c', 'b', 'a']), {
      column: 'c',
    });
    expect(drift).toMatchObject({ method: 'chisquare', score: 1, drifted: false });
  });

  it('uses the Z-test for two categories and Jensen-Shannon above 1000 reference rows', () => {
    const small = countCategories(cats([0, 1, 0, 1]));
    expect(computeCategoricalDrift(small, cats([0, 0, 0, 1]), { column: 'c' }).method).toBe('ztest');
    const large = countCategories(cats([...Array(3000)].map((_, i) => i % 3)));
    const drift = computeCategoricalDrift(large, cats([...Array(3000)].map((_, i) => i % 3)), {
      column: 'c',
    });
    expect(drift).toMatchObject({ method: 'jensenshannon', score: 0, drifted: false });
  });
});

describe('computeDrift and computeDatasetDrift', () => {
  it('declares dataset drift when at least half of the scored columns drift, skipping empty ones', () => {
    const reference = {
      a: ramp(400),
      b: ramp(400),
      c: cats([...Array(400)].map((_, i) => i % 3)),
      d: ramp(400),
    };
    const profiles = buildReferenceProfiles(reference);
    const report = computeDrift({
      profiles,
      current: {
        a: ramp(400, 40),
        b: ramp(400),
        c: cats([...Array(400)].map(() => 0)),
        d: new Float64Array(3).fill(Number.NaN),
      },
    });
    expect(report.columns.map((c) => [c.column, c.drifted])).toEqual([
      ['a', true],
      ['b', false],
      ['c', true],
      ['d', false],
    ]);
    expect(report.dataset).toEqual({
      evaluatedColumns: 3,
      driftedColumns: 2,
      share: 2 / 3,
      datasetDrift: true,
      skippedColumns: ['d'],
    });
    expect(computeDatasetDrift(report.columns, { driftShare: 0.7 }).datasetDrift).toBe(false);
  });

  it('rejects a current window whose columns do not match the profiles, naming each problem', () => {
    const profiles = buildReferenceProfiles({ a: ramp(10), c: cats([0, 1]) });
    expect(() => computeDrift({ profiles, current: { a: cats([0]) } })).toThrow(ColumnMismatchError);
    try {
      computeDrift({ profiles, current: { a: cats([0]) } });
    } catch (error) {
      expect((error as ColumnMismatchError).problems).toEqual([
        'a: reference is numeric, current is categorical',
        'c: missing from the current data',
      ]);
    }
  });
});
