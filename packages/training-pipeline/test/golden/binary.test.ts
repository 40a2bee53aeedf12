import { describe, expect, it } from 'vitest';
import { UndefinedMetricError } from '../../src/errors.js';
import type { BinaryInput } from '../../src/evaluation/binary-input.js';
import { computeAveragePrecision } from '../../src/evaluation/compute-average-precision.js';
import { computeBrierScore } from '../../src/evaluation/compute-brier-score.js';
import { computeCalibrationBins } from '../../src/evaluation/compute-calibration-bins.js';
import { computeConfusion } from '../../src/evaluation/compute-confusion.js';
import { computeLogLoss } from '../../src/evaluation/compute-log-loss.js';
import { computeRocAuc } from '../../src/evaluation/compute-roc-auc.js';
import { scoreConfusion } from '../../src/evaluation/score-confusion.js';
import { tuneThreshold } from '../../src/evaluation/tune-threshold.js';
import { agrees, type GoldenError, loadGolden, mismatch } from './load-golden.js';

interface Tuned {
  threshold: number;
  value: number;
  tp: number;
  fp: number;
  fn: number;
}
interface Calibration {
  probTrue: number[];
  probPred: number[];
}
interface BinaryCase {
  name: string;
  yTrue: number[];
  yScore: number[];
  sampleWeight: number[] | null;
  threshold: number;
  bins: number;
  cost: [number, number];
  confusion: { tp: number; fp: number; tn: number; fn: number };
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  rocAuc: number | GoldenError;
  averagePrecision: number;
  logLoss: number;
  brierScore: number | GoldenError;
  tunedF1: Tuned;
  tunedCost: Tuned;
  calibration_uniform?: Calibration;
  calibration_quantile?: Calibration;
}

const { cases } = loadGolden<{ cases: BinaryCase[] }>('binary');
const named = cases.map((c) => [c.name, c] as const);

function inputOf(c: BinaryCase): BinaryInput {
  const input: BinaryInput = { yTrue: Uint8Array.from(c.yTrue), yScore: Float64Array.from(c.yScore) };
  if (c.sampleWeight !== null) input.sampleWeight = Float64Array.from(c.sampleWeight);
  return input;
}

describe('binary metrics against scikit-learn 1.2.1', () => {
  it('covers random, tied, one-class, weighted and extreme cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  it.each(named)('confusion and threshold metrics: %s', (_name, c) => {
    const confusion = computeConfusion({ ...inputOf(c), threshold: c.threshold });
    for (const key of ['tp', 'fp', 'tn', 'fn'] as const)
      expect(agrees(confusion[key], c.confusion[key])).toBe(true);
    if (c.sampleWeight === null) expect(confusion).toEqual(c.confusion);
    const scores = scoreConfusion(confusion);
    for (const key of ['accuracy', 'precision', 'recall', 'f1'] as const)
      expect(agrees(scores[key], c[key]), `${key}: ${scores[key]} vs ${c[key]}`).toBe(true);
  });

  it.each(named)('ranking metrics: %s', (_name, c) => {
    const input = inputOf(c);
    if (typeof c.rocAuc === 'number') expect(agrees(computeRocAuc(input), c.rocAuc)).toBe(true);
    else expect(() => computeRocAuc(input)).toThrow(UndefinedMetricError);
    const ap = computeAveragePrecision(input);
    expect(agrees(ap, c.averagePrecision), `${ap} vs ${c.averagePrecision}`).toBe(true);
  });

  it.each(named)('log loss (eps 2.2e-16) and Brier score: %s', (_name, c) => {
    const input = inputOf(c);
    const loss = computeLogLoss(input);
    expect(agrees(loss, c.logLoss), `${loss} vs ${c.logLoss}`).toBe(true);
    if (typeof c.brierScore === 'number') expect(agrees(computeBrierScore(input), c.brierScore)).toBe(true);
    else expect(() => computeBrierScore(input)).toThrow(/probabilities must lie in \[0, 1\]/);
  });

  it.each(named)('calibration bins, uniform and quantile: %s', (_name, c) => {
    for (const strategy of ['uniform', 'quantile'] as const) {
      const expected = c[`calibration_${strategy}`];
      if (expected === undefined) continue;
      const bins = computeCalibrationBins({
        yTrue: Uint8Array.from(c.yTrue),
        yProb: Float64Array.from(c.yScore),
        bins: c.bins,
        strategy,
      });
      expect(
        mismatch(
          bins.map((b) => b.fractionPositive),
          expected.probTrue,
        ),
      ).toBe('');
      expect(
        mismatch(
          bins.map((b) => b.meanPredicted),
          expected.probPred,
        ),
      ).toBe('');
      expect(bins.reduce((sum, b) => sum + b.count, 0)).toBe(c.yTrue.length);
    }
  });

  it.each(named)('threshold tuned for F1 and for a cost matrix: %s', (_name, c) => {
    const input = inputOf(c);
    const f1 = tuneThreshold({ ...input, objective: { kind: 'f1' } });
    expect(f1.threshold).toBe(c.tunedF1.threshold);
    expect(agrees(f1.f1, c.tunedF1.value)).toBe(true);
    const [falsePositiveCost, falseNegativeCost] = c.cost;
    const cost = tuneThreshold({
      ...input,
      objective: { kind: 'cost', falsePositiveCost, falseNegativeCost },
    });
    expect(cost.threshold).toBe(c.tunedCost.threshold);
    expect(agrees(cost.cost, c.tunedCost.value, 1e-12, 1e-12)).toBe(true);
    expect(agrees(cost.confusion.tp, c.tunedCost.tp, 1e-12, 1e-12)).toBe(true);
    expect(agrees(cost.confusion.fn, c.tunedCost.fn, 1e-12, 1e-12)).toBe(true);
  });
});
