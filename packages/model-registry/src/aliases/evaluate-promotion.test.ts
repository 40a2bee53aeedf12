import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ModelVersion, ModelVersionSchema } from '../records/model-version.js';
import { evaluatePromotion } from './evaluate-promotion.js';

function version(v: number, metrics: Record<string, number>): ModelVersion {
  return ModelVersionSchema.parse({
    formatVersion: 1,
    name: 'm',
    version: v,
    createdAtMs: 0,
    artifacts: [{ path: 'model.json', sha256: '0'.repeat(64), size: 0 }],
    signature: { inputs: [{ name: 'x', type: 'float' }], outputs: [{ name: 'y', type: 'float' }] },
    metrics,
    lineage: { spineHash: 'a'.repeat(64), runId: 'r', backend: 'cpu' },
  });
}

const base = { metric: 'auc', margin: 0.01, higherIsBetter: true, checks: [] };

describe('evaluatePromotion', () => {
  it('passes the first promotion on any metric value', () => {
    const decision = evaluatePromotion({
      ...base,
      candidate: version(1, { auc: 0.5 }),
      incumbent: undefined,
    });
    expect(decision).toMatchObject({ passed: true, incumbent: null, improvement: null, reasons: [] });
  });

  it('needs the margin, in the direction of "better"', () => {
    const incumbent = version(1, { auc: 0.8, loss: 0.4 });
    expect(evaluatePromotion({ ...base, candidate: version(2, { auc: 0.815 }), incumbent }).passed).toBe(
      true,
    );
    expect(evaluatePromotion({ ...base, candidate: version(2, { auc: 0.805 }), incumbent }).reasons).toEqual([
      "`auc` 0.805 does not beat version 1's 0.8 by at least 0.01 (higher is better)",
    ]);
    const lower = { ...base, metric: 'loss', higherIsBetter: false, margin: 0 };
    expect(evaluatePromotion({ ...lower, candidate: version(2, { loss: 0.39 }), incumbent })).toMatchObject({
      passed: true,
      improvement: expect.closeTo(0.01, 12),
    });
    expect(evaluatePromotion({ ...lower, candidate: version(2, { loss: 0.4 }), incumbent }).passed).toBe(
      false,
    );
  });

  it('refuses a missing metric, the current target itself and every failed check, listing each reason', () => {
    const incumbent = version(1, { auc: 0.8 });
    const decision = evaluatePromotion({
      ...base,
      candidate: version(2, { f1: 0.5 }),
      incumbent,
      checks: [
        { kind: 'metric', metric: 'f1', min: 0.6 },
        { kind: 'result', name: 'fairness', passed: true },
        { kind: 'metric', metric: 'brier', max: 0.2 },
      ],
    });
    expect(decision.reasons).toEqual([
      'candidate version 2 has no metric `auc`',
      'check `f1 >= 0.6` failed: f1 = 0.5',
      'check `brier <= 0.2` failed: candidate has no metric `brier`',
    ]);
    expect(decision.checks.map((c) => c.passed)).toEqual([false, true, false]);
    expect(evaluatePromotion({ ...base, candidate: incumbent, incumbent }).reasons).toEqual([
      'version 1 is already the target',
    ]);
  });

  it('passes exactly when the improvement reaches the margin and every check passes', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.boolean(),
        fc.array(fc.boolean(), { maxLength: 3 }),
        (a, b, margin, higherIsBetter, checks) => {
          const decision = evaluatePromotion({
            candidate: version(2, { auc: a }),
            incumbent: version(1, { auc: b }),
            metric: 'auc',
            margin,
            higherIsBetter,
            checks: checks.map((passed, i) => ({ kind: 'result', name: `c${i}`, passed })),
          });
          const improvement = higherIsBetter ? a - b : b - a;
          const wins = margin === 0 ? improvement > 0 : improvement >= margin;
          expect(decision.improvement).toBe(improvement);
          expect(decision.passed).toBe(wins && checks.every(Boolean));
          expect(decision.reasons.length).toBe((wins ? 0 : 1) + checks.filter((c) => !c).length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
