import fc from 'fast-check';
import { expect, test } from 'vitest';
import { computeFairness } from './compute-fairness.js';

const rows = fc.array(
  fc.tuple(
    fc.constantFrom('a', 'b', 'c'),
    fc.boolean(),
    fc.boolean(),
    fc.double({ min: 0, max: 1, noNaN: true }),
  ),
  {
    minLength: 1,
    maxLength: 60,
  },
);

test('fairness metrics stay in [0, 1], never NaN, and equalized odds bounds equal opportunity', () => {
  fc.assert(
    fc.property(rows, (data) => {
      const f = computeFairness({
        column: 'g',
        groups: data.map(([g]) => g),
        actual: Float64Array.from(data, ([, y]) => (y ? 1 : 0)),
        predicted: Float64Array.from(data, ([, , p]) => (p ? 1 : 0)),
        probabilities: Float64Array.from(data, ([, , , s]) => s),
      });
      for (const x of [
        f.demographicParityDifference,
        f.disparateImpactRatio,
        f.equalOpportunityDifference,
        f.equalizedOddsDifference,
      ]) {
        if (x !== null) expect(x >= 0 && x <= 1).toBe(true);
      }
      if (f.equalOpportunityDifference !== null)
        expect(f.equalizedOddsDifference).toBeGreaterThanOrEqual(f.equalOpportunityDifference);
      expect(f.fourFifthsRulePassed).toBe(f.disparateImpactRatio >= 0.8);
      for (const c of f.calibration ?? []) {
        expect(c.bins.reduce((s, b) => s + b.rows, 0)).toBe(c.rows);
        expect(Number.isFinite(c.gap)).toBe(true);
      }
    }),
  );
});

test('a decision independent of the group (everyone selected) has parity 0 and ratio 1', () => {
  fc.assert(
    fc.property(rows, (data) => {
      const f = computeFairness({
        column: 'g',
        groups: data.map(([g]) => g),
        actual: Float64Array.from(data, ([, y]) => (y ? 1 : 0)),
        predicted: new Float64Array(data.length).fill(1),
      });
      expect(f.demographicParityDifference).toBe(0);
      expect(f.disparateImpactRatio).toBe(1);
    }),
  );
});
