import { describe, expect, it } from 'vitest';
import { UndefinedMetricError } from '../../src/errors.js';
import { computeR2 } from '../../src/evaluation/compute-r2.js';
import { evaluateRegression } from '../../src/evaluation/evaluate-regression.js';
import type { RegressionInput } from '../../src/evaluation/regression-input.js';
import { agrees, type GoldenError, loadGolden } from './load-golden.js';

interface RegressionCase {
  name: string;
  yTrue: number[];
  yPred: number[];
  sampleWeight: number[] | null;
  mae: number;
  rmse: number;
  r2: number | GoldenError;
}

const { cases } = loadGolden<{ cases: RegressionCase[] }>('regression');

describe('regression metrics against scikit-learn 1.2.1', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const input: RegressionInput = { yTrue: Float64Array.from(c.yTrue), yPred: Float64Array.from(c.yPred) };
    if (c.sampleWeight !== null) input.sampleWeight = Float64Array.from(c.sampleWeight);
    const report = evaluateRegression(input);
    expect(agrees(report.mae, c.mae), `${report.mae} vs ${c.mae}`).toBe(true);
    expect(agrees(report.rmse, c.rmse), `${report.rmse} vs ${c.rmse}`).toBe(true);
    if (typeof c.r2 === 'number') {
      expect(agrees(report.r2!, c.r2), `${report.r2} vs ${c.r2}`).toBe(true);
    } else {
      expect(report.r2).toBeNull();
      expect(report.undefinedMetrics.map((u) => u.metric)).toEqual(['r2']);
      expect(() => computeR2(input)).toThrow(UndefinedMetricError);
    }
  });
});
