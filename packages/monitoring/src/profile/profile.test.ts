import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeNumericDrift } from '../drift/compute-numeric-drift.js';
import { ks2Samp } from '../stats/ks-2samp.js';
import { psi } from '../stats/psi.js';
import { wassersteinNormed } from '../stats/wasserstein-normed.js';
import { buildNumericProfile } from './build-numeric-profile.js';
import { countCategories } from './count-categories.js';
import { decodeFloat64, encodeFloat64 } from './encoded-float64.js';
import { parseProfile, serializeProfile } from './serialize-profile.js';

function lcg(seed: number, n: number, shift = 0): Float64Array {
  let s = seed >>> 0;
  return Float64Array.from({ length: n }, () => {
    let total = 0;
    for (let t = 0; t < 4; t++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      total += s;
    }
    return total / 4294967296 - 2 + shift;
  });
}

describe('reference profiles', () => {
  it('an exact profile gives the same KS, Wasserstein and PSI as the raw reference', () => {
    const reference = lcg(1, 5000);
    const current = lcg(2, 3000, 0.05);
    const profile = buildNumericProfile(reference);
    expect(profile.exact).toBe(true);
    const ks = computeNumericDrift(profile, current, { column: 'x', method: 'ks' });
    const raw = ks2Samp(reference, current);
    expect(ks.statistic).toBe(raw.statistic);
    expect(ks.pValue).toBe(raw.pValue);
    expect(computeNumericDrift(profile, current, { column: 'x', method: 'wasserstein' }).score).toBe(
      wassersteinNormed(reference, current),
    );
    expect(computeNumericDrift(profile, current, { column: 'x', method: 'psi' }).score).toBe(
      psi(reference, current),
    );
  });

  it('a down-sampled profile keeps the KS statistic within 1/k of the exact one and its p-value uses the true size', () => {
    const reference = lcg(3, 60_000);
    const current = lcg(4, 20_000, 0.02);
    const k = 10_000;
    const profile = buildNumericProfile(reference, { maxSortedValues: k });
    expect(profile.exact).toBe(false);
    expect(profile.sorted.length).toBe(k);
    expect(profile.count).toBe(60_000);
    const approx = computeNumericDrift(profile, current, { column: 'x', method: 'ks' });
    const exact = ks2Samp(reference, current);
    expect(Math.abs(approx.statistic! - exact.statistic)).toBeLessThanOrEqual(1 / k + 1e-12);
  });

  it('records exact moments, missing counts, quantiles and a histogram that sums to the count', () => {
    const values = Float64Array.from([3, Number.NaN, 1, 2, Number.POSITIVE_INFINITY, 2, 4]);
    const profile = buildNumericProfile(values, { quantiles: [0, 0.5, 1] });
    expect(profile).toMatchObject({ count: 5, missingCount: 2, uniqueCount: 4, min: 1, max: 4, mean: 2.4 });
    expect(profile.std).toBeCloseTo(Math.sqrt(1.04), 15);
    expect(profile.quantiles.values).toEqual([1, 2, 4]);
    expect(profile.histogram.counts.reduce((s, c) => s + c, 0)).toBe(5);
  });

  it('serialises to JSON and back bit-for-bit, and compresses low-cardinality columns', () => {
    const values = Float64Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 13);
    const profile = buildNumericProfile(values);
    const json = JSON.stringify(serializeProfile(profile));
    expect(json.length).toBeLessThan(20_000); // 800 kB of doubles
    const back = parseProfile(JSON.parse(json));
    expect(back).toEqual(profile);
    const cats = countCategories({ codes: Int32Array.from([0, 1, -1, 1, 2]), dictionary: ['b', 'a', 'c'] });
    expect(cats).toEqual({
      kind: 'categorical',
      count: 4,
      missingCount: 1,
      categories: ['a', 'b', 'c'],
      counts: Float64Array.from([2, 1, 1]),
    });
    expect(parseProfile(JSON.parse(JSON.stringify(serializeProfile(cats))))).toEqual(cats);
  });

  it('encodeFloat64 round-trips any doubles bit-for-bit (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.double(), { maxLength: 300 }), (xs) => {
        const input = Float64Array.from(xs);
        const back = decodeFloat64(encodeFloat64(input));
        expect(new Uint8Array(back.buffer)).toEqual(new Uint8Array(input.buffer));
      }),
    );
  });
});
