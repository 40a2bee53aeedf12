import { describe, expect, test } from 'vitest';
import { computeCalibrationByGroup } from './calibration-by-group.js';
import { computeFairness } from './compute-fairness.js';

// Hand-computed example (definitions: fairlearn.metrics demographic_parity_difference / _ratio,
// equalized_odds_difference, and the true-positive-rate difference for equal opportunity).
//   group a: labels 1 1 1 0 0 0, decisions 1 1 0 1 0 0 → selection 3/6, TPR 2/3, FPR 1/3
//   group b: labels 1 1 0 0,     decisions 1 0 0 0     → selection 1/4, TPR 1/2, FPR 0
const groups = ['a', 'a', 'a', 'a', 'a', 'a', 'b', 'b', 'b', 'b'];
const actual = Float64Array.from([1, 1, 1, 0, 0, 0, 1, 1, 0, 0]);
const predicted = Float64Array.from([1, 1, 0, 1, 0, 0, 1, 0, 0, 0]);

describe('computeFairness', () => {
  test('matches the hand-computed group metrics', () => {
    const f = computeFairness({ column: 'g', groups, actual, predicted });
    expect(
      f.groups.map((g) => [g.group, g.rows, g.selectionRate, g.truePositiveRate, g.falsePositiveRate]),
    ).toEqual([
      ['a', 6, 0.5, 2 / 3, 1 / 3],
      ['b', 4, 0.25, 0.5, 0],
    ]);
    expect(f.demographicParityDifference).toBeCloseTo(0.25, 15);
    expect(f.equalOpportunityDifference).toBeCloseTo(2 / 3 - 1 / 2, 15);
    expect(f.equalizedOddsDifference).toBeCloseTo(1 / 3, 15); // max(1/6, 1/3)
    expect(f.disparateImpactRatio).toBeCloseTo(0.5, 15);
    expect(f.fourFifthsRulePassed).toBe(false);
    expect(f.calibration).toBeNull();
  });

  test('equal selection rates pass the four-fifths rule; null groups are skipped', () => {
    const f = computeFairness({
      column: 'g',
      groups: ['a', 'b', null, 'a', 'b'],
      actual: Float64Array.from([1, 1, 1, 0, 0]),
      predicted: Float64Array.from([1, 1, 1, 0, 0]),
    });
    expect(f.groups.map((g) => g.rows)).toEqual([2, 2]);
    expect(f.disparateImpactRatio).toBe(1);
    expect(f.fourFifthsRulePassed).toBe(true);
    expect(f.demographicParityDifference).toBe(0);
  });

  test('nobody selected: ratio 1 (no disparity), never NaN', () => {
    const f = computeFairness({
      column: 'g',
      groups: ['a', 'b'],
      actual: Float64Array.from([0, 1]),
      predicted: new Float64Array(2),
    });
    expect(f.disparateImpactRatio).toBe(1);
    expect(f.equalOpportunityDifference).toBeNull(); // only b has positives
  });
});

describe('computeCalibrationByGroup', () => {
  test('bins like sklearn calibration_curve(n_bins=5), edges included in the lower bin', () => {
    // sklearn 1.2.1: prob_true [0, .5, 0, .75, 1], prob_pred [.1, .35, .55, .6875, .945]
    const y = Float64Array.from([0, 1, 1, 0, 1, 0, 1, 1, 0, 0, 1, 0]);
    const p = Float64Array.from([0.1, 0.9, 0.65, 0.4, 0.3, 0.55, 0.8, 0.65, 0.2, 0.65, 0.99, 0.0]);
    const [all] = computeCalibrationByGroup({
      groups: new Array<string>(12).fill('all'),
      actual: y,
      probabilities: p,
      bins: 5,
    });
    expect(all?.bins.map((b) => b.observedRate)).toEqual([0, 0.5, 0, 0.75, 1]);
    const means = all?.bins.map((b) => b.meanPredicted) ?? [];
    for (const [i, v] of [0.1, 0.35, 0.55, 0.6875, 0.945].entries()) expect(means[i]).toBeCloseTo(v, 14);
    expect(all?.meanPredicted).toBeCloseTo(p.reduce((s, x) => s + x, 0) / 12, 14);
    expect(all?.observedRate).toBeCloseTo(6 / 12, 15);
    expect(all?.gap).toBeCloseTo(0.5 - p.reduce((s, x) => s + x, 0) / 12, 14);
  });
});
