import { describe, expect, test } from 'vitest';
import { buildReferenceProfiles } from '../profile/build-reference-profiles.js';
import { checkFreshness } from './check-freshness.js';
import { compareSchemas } from './compare-schemas.js';
import { compareVolume } from './compare-volume.js';
import { computeDataQuality } from './compute-data-quality.js';

const profiles = buildReferenceProfiles({
  amount: Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
  country: { codes: Int32Array.from([0, 1, 0, 1]), dictionary: ['FR', 'DE'] },
});

describe('computeDataQuality', () => {
  test('missing share, out-of-range values and unseen categories, with issues above the limits', () => {
    const quality = computeDataQuality({
      profiles,
      current: {
        amount: Float64Array.from([0.5, 2, Number.NaN, 11, 12, 5, Number.POSITIVE_INFINITY, 10]),
        country: { codes: Int32Array.from([0, 2, 2, -1, 3, 3]), dictionary: ['FR', 'UK', 'US', 'DE'] },
      },
      volume: { referenceRows: 10, currentRows: 8 },
    });
    const [amount, country] = quality.columns;
    expect(amount?.missingShare).toBe(2 / 8);
    expect(amount?.outOfRangeCount).toBe(3); // 0.5, 11, 12; 10 is the max itself
    expect(amount?.outOfRangeShare).toBe(3 / 6);
    expect(country?.missingShare).toBe(1 / 6);
    expect(country?.unseenCategories).toEqual(['US']); // UK is in the dictionary but has no rows
    expect(country?.unseenShare).toBe(2 / 5);
    expect(quality.issues).toEqual([
      'amount: 25.0% missing (limit 10.0%)',
      'amount: 3 values (50.0%) outside the reference range (limit 5.0%)',
      'country: 16.7% missing (limit 10.0%)',
      'country: 1 unseen categories (US) in 40.0% of rows (limit 1.0%)',
    ]);
    expect(quality.schema.changed).toBe(false);
    expect(quality.volume.ratio).toBe(0.8);
  });

  test('an empty window gives zero shares and a flagged volume, never NaN', () => {
    const quality = computeDataQuality({
      profiles,
      current: { amount: new Float64Array(0), country: { codes: new Int32Array(0), dictionary: [] } },
      volume: { referenceRows: 10, currentRows: 0 },
    });
    for (const c of quality.columns) {
      expect([c.missingShare, c.outOfRangeShare, c.unseenShare]).toEqual([0, 0, 0]);
    }
    expect(quality.volume).toMatchObject({ ratio: 0, flagged: true });
    expect(quality.issues).toEqual(['volume: 0.00× the reference (0 rows against 10; limit ±50%)']);
  });

  test('a retyped or missing column is a schema change, not a crash', () => {
    const quality = computeDataQuality({
      profiles,
      current: { amount: { codes: Int32Array.of(0), dictionary: ['1.5'] }, extra: Float64Array.of(1) },
      volume: { referenceRows: 10, currentRows: 1 },
    });
    expect(quality.columns).toEqual([]);
    expect(quality.schema).toEqual({
      added: ['extra'],
      removed: ['country'],
      retyped: [{ column: 'amount', reference: 'numeric', current: 'categorical' }],
      changed: true,
    });
    expect(quality.issues.filter((i) => i.startsWith('schema:'))).toHaveLength(3);
  });
});

describe('compareSchemas', () => {
  test('lists added, removed and retyped columns sorted', () => {
    expect(
      compareSchemas({
        reference: { b: 'double', a: 'string', c: 'long' },
        current: { a: 'string', c: 'double', z: 'int', d: 'date' },
      }),
    ).toEqual({
      added: ['d', 'z'],
      removed: ['b'],
      retyped: [{ column: 'c', reference: 'long', current: 'double' }],
      changed: true,
    });
  });
});

describe('checkFreshness', () => {
  const runAt = Date.UTC(2011, 11, 1);
  test('age in hours of the newest time; stale beyond the limit', () => {
    const times = Float64Array.from([Date.UTC(2011, 10, 28), Date.UTC(2011, 10, 30, 12), Number.NaN]);
    expect(checkFreshness({ times, runAt })).toEqual({
      latest: '2011-11-30T12:00:00.000Z',
      runAt: '2011-12-01T00:00:00.000Z',
      ageHours: 12,
      maxAgeHours: 48,
      stale: false,
    });
    expect(checkFreshness({ times, runAt, maxAgeHours: 6 }).stale).toBe(true);
  });
  test('no time at all is stale with null age', () => {
    expect(checkFreshness({ times: new Float64Array(0), runAt })).toMatchObject({
      latest: null,
      ageHours: null,
      stale: true,
    });
  });
});

describe('compareVolume', () => {
  test('per day of window: September (30 d) against November (30 d) of Online Retail', () => {
    const v = compareVolume({
      referenceRows: 50_226,
      currentRows: 84_711,
      referenceDays: 30,
      currentDays: 30,
    });
    expect(v.ratio).toBeCloseTo(1.6866, 4);
    expect(v.flagged).toBe(true);
  });
  test('a 31-day month against a 30-day one compares rows per day; drops are flagged symmetrically', () => {
    expect(
      compareVolume({ referenceRows: 310, currentRows: 300, referenceDays: 31, currentDays: 30 }).ratio,
    ).toBe(1);
    expect(compareVolume({ referenceRows: 100, currentRows: 66, maxChange: 0.5 }).flagged).toBe(true);
    expect(compareVolume({ referenceRows: 100, currentRows: 67, maxChange: 0.5 }).flagged).toBe(false);
    expect(compareVolume({ referenceRows: 0, currentRows: 0 })).toMatchObject({
      ratio: null,
      flagged: false,
    });
  });
});
