import { describe, expect, it } from 'vitest';
import { computeClassWeights } from '../../src/splits/compute-class-weights.js';
import { agrees, loadGolden } from './load-golden.js';

interface ClassWeightCase {
  name: string;
  y: number[];
  classes: number[];
  weights: number[];
}

const { cases } = loadGolden<{ cases: ClassWeightCase[] }>('class-weights');

describe('computeClassWeights against scikit-learn 1.2.1 compute_class_weight("balanced")', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const weights = computeClassWeights({ labels: Int32Array.from(c.y) });
    expect(weights.length).toBe(c.classes.length);
    for (const [i, w] of c.weights.entries()) expect(agrees(weights[i]!, w)).toBe(true);
  });
});
