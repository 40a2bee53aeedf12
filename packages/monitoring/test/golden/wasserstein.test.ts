import { describe, expect, it } from 'vitest';
import { wassersteinDistance } from '../../src/stats/wasserstein-distance.js';
import { wassersteinNormed } from '../../src/stats/wasserstein-normed.js';
import { agrees, goldenSample, type LcgSpec, loadGolden } from './load-golden.js';

interface WassersteinCase {
  name: string;
  u: number[] | LcgSpec;
  v: number[] | LcgSpec;
  distance: number;
  normed: number;
}

const { cases } = loadGolden<{ cases: WassersteinCase[] }>('wasserstein');

describe('wassersteinDistance against SciPy 1.10.1 wasserstein_distance', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const u = goldenSample(c.u);
    const v = goldenSample(c.v);
    // Absolute floor 1e-15: SciPy's own rounding on identical samples leaves ~1e-17, not exactly 0.
    expect(agrees(wassersteinDistance(u, v), c.distance, 1e-9, 1e-15)).toBe(true);
    expect(agrees(wassersteinNormed(u, v), c.normed, 1e-9, 1e-15)).toBe(true);
  });
});
