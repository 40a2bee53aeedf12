import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { computeBinaryMetrics } from './binary-metrics.js';
import { detectDegradation } from './detect-degradation.js';
import { joinLabels } from './join-labels.js';
import { computeRegressionMetrics } from './regression-metrics.js';
import { rocAuc } from './roc-auc.js';

// Golden values from sklearn 1.2.1 (Debian python3-sklearn) on the same vectors:
// accuracy_score, precision_score, recall_score, f1_score on p >= 0.5; roc_auc_score, log_loss,
// brier_score_loss on p; mean_absolute_error, mean_squared_error(squared=False), r2_score.
const y = Float64Array.from([0, 1, 1, 0, 1, 0, 1, 1, 0, 0, 1, 0]);
const p = Float64Array.from([0.1, 0.9, 0.65, 0.4, 0.3, 0.55, 0.8, 0.65, 0.2, 0.65, 0.99, 0.0]);

describe('binary metrics', () => {
  test('match sklearn on a vector with tied scores and a probability of 0', () => {
    const m = computeBinaryMetrics({ actual: y, probabilities: p });
    expect(m.accuracy).toBeCloseTo(0.75, 15);
    expect(m.precision).toBeCloseTo(0.7142857142857143, 15);
    expect(m.recall).toBeCloseTo(0.8333333333333334, 15);
    expect(m.f1).toBeCloseTo(0.7692307692307692, 15);
    expect(m.rocAuc).toBeCloseTo(0.888888888888889, 14);
    expect(m.logLoss).toBeCloseTo(0.4243127125659048, 14);
    expect(m.brier).toBeCloseTo(0.14334166666666667, 15);
  });

  test('one class only: ROC AUC is null, precision with no positive prediction is 0', () => {
    const m = computeBinaryMetrics({
      actual: new Float64Array(4),
      probabilities: Float64Array.from([0.1, 0.2, 0.3, 0.4]),
    });
    expect(m.rocAuc).toBeNull();
    expect(m.precision).toBe(0);
    expect(m.accuracy).toBe(1);
  });

  test('bad labels and empty input are named', () => {
    expect(() =>
      computeBinaryMetrics({ actual: Float64Array.of(2), probabilities: Float64Array.of(0.5) }),
    ).toThrow(/row 0 is 2, expected 0 or 1/);
    expect(() =>
      computeBinaryMetrics({ actual: new Float64Array(0), probabilities: new Float64Array(0) }),
    ).toThrow(/empty/);
  });

  test('ROC AUC is the share of correctly ordered (positive, negative) pairs, ties counting half', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 5 })), { minLength: 2, maxLength: 40 }),
        (rows) => {
          const actual = Float64Array.from(rows, ([l]) => (l ? 1 : 0));
          const scores = Float64Array.from(rows, ([, s]) => s / 5);
          let pairs = 0;
          let good = 0;
          for (let i = 0; i < rows.length; i++)
            for (let j = 0; j < rows.length; j++)
              if (actual[i] === 1 && actual[j] === 0) {
                pairs++;
                good += scores[i]! > scores[j]! ? 1 : scores[i] === scores[j] ? 0.5 : 0;
              }
          const auc = rocAuc(actual, scores);
          if (pairs === 0) expect(auc).toBeNull();
          else expect(auc).toBeCloseTo(good / pairs, 12);
        },
      ),
    );
  });
});

describe('regression metrics', () => {
  test('match sklearn', () => {
    const m = computeRegressionMetrics({
      actual: Float64Array.from([3.0, -0.5, 2.0, 7.0, 4.2]),
      predicted: Float64Array.from([2.5, 0.0, 2.0, 8.0, 3.9]),
    });
    expect(m.mae).toBeCloseTo(0.46, 15);
    expect(m.rmse).toBeCloseTo(0.5639148871948674, 15);
    expect(m.r2).toBeCloseTo(0.9480256276150627, 15);
  });

  test('constant target: r2 is 1 for a perfect fit and 0 otherwise (sklearn)', () => {
    const actual = Float64Array.from([2, 2, 2]);
    expect(computeRegressionMetrics({ actual, predicted: actual }).r2).toBe(1);
    expect(computeRegressionMetrics({ actual, predicted: Float64Array.from([1, 2, 3]) }).r2).toBe(0);
  });
});

describe('joinLabels', () => {
  test('pairs on (key, prediction time); unlabelled and orphan labels are counted; the last label wins', () => {
    const joined = joinLabels({
      predictions: {
        keys: ['a', 'b', 'a', 'c'],
        times: Float64Array.from([1, 1, 2, 3]),
        values: Float64Array.from([0.9, 0.2, 0.7, 0.5]),
      },
      labels: {
        keys: ['a', 'a', 'b', 'z', 'a'],
        times: Float64Array.from([2, 1, 1, 9, 2]),
        values: Float64Array.from([0, 1, 0, 1, 1]),
      },
    });
    expect([...joined.predicted]).toEqual([0.9, 0.2, 0.7]);
    expect([...joined.actual]).toEqual([1, 0, 1]);
    expect(joined.unlabelled).toBe(1);
    expect(joined.orphanLabels).toBe(1);
  });
});

describe('detectDegradation', () => {
  test('flags a metric that worsened beyond its rule, in the right direction', () => {
    const result = detectDegradation({
      baseline: { rocAuc: 0.8, accuracy: 0.9, logLoss: 0.4, mae: 0 },
      current: { rocAuc: 0.74, accuracy: 0.97, logLoss: 0.43, mae: 0.2 },
    });
    const byName = Object.fromEntries(result.map((r) => [r.metric, r]));
    expect(byName.rocAuc?.degraded).toBe(true);
    expect(byName.rocAuc?.drop).toBeCloseTo(0.06, 12);
    expect(byName.accuracy?.degraded).toBe(false);
    expect(byName.accuracy?.drop).toBeCloseTo(-0.07, 12);
    expect(byName.logLoss?.drop).toBeCloseTo(0.075, 12); // relative: 0.03 / 0.4
    expect(byName.logLoss?.degraded).toBe(false);
    expect(byName.mae?.drop).toBeCloseTo(0.2, 12); // relative against 0 falls back to absolute
    expect(byName.mae?.degraded).toBe(true);
  });
});
