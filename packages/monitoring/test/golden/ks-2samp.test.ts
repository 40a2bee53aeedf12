import { describe, expect, it } from 'vitest';
import { ks2Samp } from '../../src/stats/ks-2samp.js';
import { agrees, goldenSample, type LcgSpec, loadGolden } from './load-golden.js';

interface KsCase {
  name: string;
  a: number[] | LcgSpec;
  b: number[] | LcgSpec;
  statistic: number;
  pvalue: number;
  location: number;
  sign: 1 | -1;
}

const { cases } = loadGolden<{ cases: KsCase[] }>('ks-2samp');

describe('ks2Samp against SciPy 1.10.1 ks_2samp (method=auto)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = ks2Samp(goldenSample(c.a), goldenSample(c.b));
    // The statistic is computed with SciPy's exact floating-point operations: bit-identical.
    expect(result.statistic).toBe(c.statistic);
    expect(result.location).toBe(c.location);
    expect(result.sign).toBe(c.sign);
    expect(agrees(result.pValue, c.pvalue), `p-value ${result.pValue} vs SciPy ${c.pvalue}`).toBe(true);
  });
});
