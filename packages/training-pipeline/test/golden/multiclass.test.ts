import { describe, expect, it } from 'vitest';
import { computeMulticlassLogLoss } from '../../src/evaluation/compute-multiclass-log-loss.js';
import { evaluateMulticlass } from '../../src/evaluation/evaluate-multiclass.js';
import type { MulticlassInput } from '../../src/evaluation/multiclass-input.js';
import { agrees, loadGolden, mismatch } from './load-golden.js';

interface MulticlassCase {
  name: string;
  numClasses: number;
  yTrue: number[];
  yProba: number[];
  sampleWeight: number[] | null;
  accuracy: number;
  macroF1: number;
  weightedF1: number;
  logLoss: number;
  confusion: number[];
}

const { cases } = loadGolden<{ cases: MulticlassCase[] }>('multiclass');

describe('multiclass metrics against scikit-learn 1.2.1', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const input: MulticlassInput = {
      yTrue: Int32Array.from(c.yTrue),
      yProba: Float64Array.from(c.yProba),
      numClasses: c.numClasses,
    };
    if (c.sampleWeight !== null) input.sampleWeight = Float64Array.from(c.sampleWeight);
    const report = evaluateMulticlass(input);
    expect(agrees(report.accuracy, c.accuracy)).toBe(true);
    expect(agrees(report.macroF1, c.macroF1), `${report.macroF1} vs ${c.macroF1}`).toBe(true);
    expect(agrees(report.weightedF1, c.weightedF1), `${report.weightedF1} vs ${c.weightedF1}`).toBe(true);
    expect(agrees(computeMulticlassLogLoss(input), c.logLoss)).toBe(true);
    if (c.sampleWeight === null) expect(Array.from(report.confusion.matrix)).toEqual(c.confusion);
    else expect(mismatch(report.confusion.matrix, c.confusion)).toBe('');
  });
});
