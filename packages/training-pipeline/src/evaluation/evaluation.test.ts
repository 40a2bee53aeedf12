import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError, UndefinedMetricError } from '../errors.js';
import { computeConfusion } from './compute-confusion.js';
import { computeRocAuc } from './compute-roc-auc.js';
import { evaluateBinary } from './evaluate-binary.js';
import { evaluateBySegment } from './evaluate-by-segment.js';
import { scoreConfusion } from './score-confusion.js';
import { tuneThreshold } from './tune-threshold.js';

const binaryRows = fc.array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 20 })), {
  minLength: 2,
  maxLength: 200,
});

describe('binary evaluation invariants', () => {
  it('ROC AUC counts pairs (ties as one half) and ignores monotone transforms (property)', () => {
    fc.assert(
      fc.property(binaryRows, (rows) => {
        fc.pre(rows.some(([y]) => y === 1) && rows.some(([y]) => y === 0));
        const yTrue = Uint8Array.from(rows, ([y]) => y);
        const yScore = Float64Array.from(rows, ([, s]) => s / 20);
        let wins = 0;
        let pairs = 0;
        for (const [yp, sp] of rows)
          for (const [yn, sn] of rows)
            if (yp === 1 && yn === 0) {
              pairs++;
              wins += sp > sn ? 1 : sp === sn ? 0.5 : 0;
            }
        const auc = computeRocAuc({ yTrue, yScore });
        expect(auc).toBeCloseTo(wins / pairs, 12);
        expect(computeRocAuc({ yTrue, yScore: yScore.map((s) => Math.exp(3 * s) - 7) })).toBeCloseTo(auc, 12);
      }),
    );
  });

  it('the F1-tuned threshold beats every other threshold; the cost-tuned one costs least (property)', () => {
    fc.assert(
      fc.property(binaryRows, fc.double({ min: 0, max: 10, noNaN: true }), (rows, fnCost) => {
        const yTrue = Uint8Array.from(rows, ([y]) => y);
        const yScore = Float64Array.from(rows, ([, s]) => s / 20);
        const best = tuneThreshold({ yTrue, yScore, objective: { kind: 'f1' } });
        const cheapest = tuneThreshold({
          yTrue,
          yScore,
          objective: { kind: 'cost', falsePositiveCost: 1, falseNegativeCost: fnCost },
        });
        expect(computeConfusion({ yTrue, yScore, threshold: best.threshold })).toEqual(best.confusion);
        for (const threshold of [...new Set(yScore), Number.POSITIVE_INFINITY]) {
          const confusion = computeConfusion({ yTrue, yScore, threshold });
          expect(scoreConfusion(confusion).f1).toBeLessThanOrEqual(best.f1);
          expect(confusion.fp + confusion.fn * fnCost).toBeGreaterThanOrEqual(cheapest.cost - 1e-9);
        }
      }),
    );
  });

  it('evaluateBinary reports ROC AUC as null with a reason on a one-class split', () => {
    const report = evaluateBinary({
      yTrue: Uint8Array.from([0, 0, 0]),
      yScore: Float64Array.from([0.2, 0.6, 0.1]),
    });
    expect(report.rocAuc).toBeNull();
    expect(report.undefinedMetrics[0]?.metric).toBe('rocAuc');
    expect(report.confusion).toEqual({ tp: 0, fp: 1, tn: 2, fn: 0 });
    expect(report.precision).toBe(0);
    expect(report.averagePrecision).toBe(0);
    expect(() =>
      computeRocAuc({ yTrue: Uint8Array.from([1, 1]), yScore: Float64Array.from([0.1, 0.2]) }),
    ).toThrow(UndefinedMetricError);
  });

  it('rejects bad input naming the argument', () => {
    const yTrue = Uint8Array.from([0, 1]);
    expect(() => computeRocAuc({ yTrue, yScore: Float64Array.from([0.1]) })).toThrow(/`yScore` has 1 rows/);
    expect(() =>
      computeRocAuc({ yTrue: Uint8Array.from([0, 2]), yScore: Float64Array.from([0, 1]) }),
    ).toThrow(/binary labels must be 0 or 1/);
    expect(() => computeRocAuc({ yTrue, yScore: Float64Array.from([0.1, Number.NaN]) })).toThrow(
      InvalidInputError,
    );
    expect(() =>
      computeRocAuc({
        yTrue,
        yScore: Float64Array.from([0.1, 0.2]),
        sampleWeight: Float64Array.from([1, -1]),
      }),
    ).toThrow(/weights must be finite and >= 0/);
  });
});

describe('evaluateBySegment', () => {
  it('computes the same metrics per segment, sorted, null last, with undefined metrics flagged', () => {
    const segment = ['fr', 'de', 'fr', null, 'de', 'fr', 'de'];
    const yTrue = Uint8Array.from([1, 0, 0, 1, 1, 1, 0]);
    const yScore = Float64Array.from([0.9, 0.2, 0.4, 0.7, 0.3, 0.6, 0.8]);
    const reports = evaluateBySegment({ segment, task: { kind: 'binary', yTrue, yScore } });
    expect(reports.map((r) => [r.segment, r.rows])).toEqual([
      ['de', 3],
      ['fr', 3],
      [null, 1],
    ]);
    const de = reports[0]!.metrics;
    // de rows: (0, 0.2), (1, 0.3), (0, 0.8): one of two negatives ranks below the positive.
    expect(de.rocAuc).toBe(0.5);
    expect(de.confusion).toEqual({ tp: 0, fp: 1, tn: 1, fn: 1 });
    expect(reports[1]!.metrics.rocAuc).toBe(1);
    expect(reports[2]!.metrics.rocAuc).toBeNull();
    const regression = evaluateBySegment({
      segment: ['a', 'a', 'b', 'b'],
      task: {
        kind: 'regression',
        yTrue: Float64Array.from([1, 3, 2, 2]),
        yPred: Float64Array.from([2, 3, 2, 4]),
      },
    });
    expect(regression.map((r) => [r.metrics.mae, r.metrics.r2])).toEqual([
      [0.5, 0.5],
      [1, 0],
    ]);
  });
});
