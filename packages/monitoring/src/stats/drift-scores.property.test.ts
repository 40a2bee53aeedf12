import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chi2Contingency } from './chi2-contingency.js';
import { jensenShannonDistance } from './jensen-shannon-distance.js';
import { ks2Samp } from './ks-2samp.js';
import { psi } from './psi.js';
import { psiFromCounts } from './psi-from-counts.js';
import { wassersteinDistance } from './wasserstein-distance.js';
import { wassersteinNormed } from './wasserstein-normed.js';
import { zTestProportions } from './z-test-proportions.js';

const sample = fc
  .array(fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: -5, max: 5 })), {
    minLength: 1,
    maxLength: 200,
  })
  .map((xs) => Float64Array.from(xs));
const counts = fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 });

describe('drift score invariants (fast-check)', () => {
  it('identical samples: KS statistic 0 and p-value 1; Wasserstein and PSI 0', () => {
    fc.assert(
      fc.property(sample, (a) => {
        const shuffled = a.slice().reverse();
        const ks = ks2Samp(a, shuffled);
        expect(ks.statistic).toBe(0);
        expect(ks.pValue).toBe(1);
        expect(wassersteinDistance(a, shuffled)).toBe(0);
        expect(wassersteinNormed(a, shuffled)).toBe(0);
        expect(psi(a, shuffled)).toBe(0);
      }),
    );
  });

  it('KS statistic in [0, 1], p-value in [0, 1], both symmetric in the two samples', () => {
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        const ab = ks2Samp(a, b);
        const ba = ks2Samp(b, a);
        expect(ab.statistic).toBeGreaterThanOrEqual(0);
        expect(ab.statistic).toBeLessThanOrEqual(1);
        expect(ab.pValue).toBeGreaterThanOrEqual(0);
        expect(ab.pValue).toBeLessThanOrEqual(1);
        expect(ba.statistic).toBe(ab.statistic);
        expect(ba.pValue).toBe(ab.pValue);
      }),
    );
  });

  it('Wasserstein is symmetric, non-negative and at most the pooled range', () => {
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        const d = wassersteinDistance(a, b);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(Math.abs(wassersteinDistance(b, a) - d)).toBeLessThanOrEqual(1e-9 * Math.max(d, 1));
        const all = [...a, ...b];
        expect(d).toBeLessThanOrEqual((Math.max(...all) - Math.min(...all)) * (1 + 1e-12));
      }),
    );
  });

  it('PSI on counts is 0 for equal shares and non-negative otherwise', () => {
    fc.assert(
      fc.property(counts, counts, fc.integer({ min: 1, max: 7 }), (r, c, k) => {
        fc.pre(r.some((x) => x > 0));
        const ref = Float64Array.from(r);
        expect(
          psiFromCounts(
            ref,
            ref.map((x) => x * k),
          ),
        ).toBeCloseTo(0, 12);
        const cur = Float64Array.from({ length: r.length }, (_, i) => c[i % c.length]!);
        fc.pre(cur.some((x) => x > 0));
        expect(psiFromCounts(ref, cur)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('Jensen-Shannon distance is 0 on itself, symmetric, within [0, 1] in base 2 and [0, √ln2] in base e', () => {
    fc.assert(
      fc.property(counts, counts, (p0, q0) => {
        const n = Math.min(p0.length, q0.length);
        const p = Float64Array.from(p0.slice(0, n));
        const q = Float64Array.from(q0.slice(0, n));
        fc.pre(p.some((x) => x > 0) && q.some((x) => x > 0));
        expect(jensenShannonDistance(p, p)).toBe(0);
        const d2 = jensenShannonDistance(p, q, { base: 2 });
        expect(d2).toBeGreaterThanOrEqual(0);
        expect(d2).toBeLessThanOrEqual(1 + 1e-12);
        expect(jensenShannonDistance(q, p, { base: 2 })).toBeCloseTo(d2, 12);
        expect(jensenShannonDistance(p, q)).toBeLessThanOrEqual(Math.sqrt(Math.LN2) + 1e-12);
      }),
    );
  });

  it('chi-square on two equal rows: statistic 0, p-value 1; otherwise p in [0, 1]', () => {
    fc.assert(
      fc.property(counts, counts, (r, c) => {
        const n = Math.min(r.length, c.length);
        const ref = Float64Array.from(r.slice(0, n), (x) => x + 1);
        const cur = Float64Array.from(c.slice(0, n), (x) => x + 1);
        const same = chi2Contingency([ref, ref]);
        expect(same.statistic).toBeCloseTo(0, 9);
        expect(same.pValue).toBeCloseTo(1, 9);
        const result = chi2Contingency([ref, cur]);
        expect(result.pValue).toBeGreaterThanOrEqual(0);
        expect(result.pValue).toBeLessThanOrEqual(1);
        expect(result.statistic).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('Z-test: equal proportions give z = 0 and p = 1; swapping the samples negates z', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 9 }),
        (n, h, k) => {
          const hits = Math.min(h, n);
          const same = zTestProportions({
            referenceHits: hits,
            referenceTotal: n,
            currentHits: hits * k,
            currentTotal: n * k,
          });
          expect(same.pValue).toBeCloseTo(1, 12);
          const a = zTestProportions({
            referenceHits: hits,
            referenceTotal: n,
            currentHits: 0,
            currentTotal: 5,
          });
          const b = zTestProportions({
            referenceHits: 0,
            referenceTotal: 5,
            currentHits: hits,
            currentTotal: n,
          });
          expect(b.statistic + a.statistic).toBe(0);
          expect(b.pValue).toBe(a.pValue);
        },
      ),
    );
  });
});
