import { describe, expect, it } from 'vitest';
import { chi2Contingency } from '../../src/stats/chi2-contingency.js';
import { jensenShannonDistance } from '../../src/stats/jensen-shannon-distance.js';
import { psiFromCounts } from '../../src/stats/psi-from-counts.js';
import { zTestProportions } from '../../src/stats/z-test-proportions.js';
import { agrees, loadGolden } from './load-golden.js';

interface CategoricalGolden {
  chi2_contingency: { table: number[][]; statistic: number; pvalue: number; dof: number }[];
  jensenshannon: { p: number[]; q: number[]; base_e: number; base_2: number }[];
  ztest: {
    referenceHits: number;
    referenceTotal: number;
    currentHits: number;
    currentTotal: number;
    statistic: number;
    pvalue: number;
  }[];
  psi: { reference: number[]; current: number[]; psi: number }[];
}

const golden = loadGolden<{ cases: CategoricalGolden }>('categorical').cases;

describe('categorical statistics against SciPy 1.10.1', () => {
  it.each(golden.chi2_contingency.map((c) => [JSON.stringify(c.table), c] as const))(
    'chi2_contingency %s',
    (_n, c) => {
      const result = chi2Contingency(c.table.map((row) => Float64Array.from(row)));
      expect(result.dof).toBe(c.dof);
      expect(agrees(result.statistic, c.statistic, 1e-9, 1e-15)).toBe(true);
      expect(agrees(result.pValue, c.pvalue)).toBe(true);
    },
  );
  it.each(golden.jensenshannon.map((c) => [`${c.p} | ${c.q}`, c] as const))('jensenshannon %s', (_n, c) => {
    const p = Float64Array.from(c.p);
    const q = Float64Array.from(c.q);
    expect(agrees(jensenShannonDistance(p, q), c.base_e, 1e-9, 1e-15)).toBe(true);
    expect(agrees(jensenShannonDistance(p, q, { base: 2 }), c.base_2, 1e-9, 1e-15)).toBe(true);
  });
  it.each(golden.ztest.map((c) => [JSON.stringify(c), c] as const))('two-proportion z-test %s', (_n, c) => {
    const result = zTestProportions(c);
    if (Number.isNaN(c.statistic)) {
      // Identical constant samples: Evidently returns p = 1 before dividing 0 by 0.
      expect(result).toEqual({ statistic: 0, pValue: 1 });
      return;
    }
    expect(agrees(result.statistic, c.statistic, 1e-12, 1e-15)).toBe(true);
    expect(agrees(result.pValue, c.pvalue)).toBe(true);
  });
  it.each(golden.psi.map((c) => [`${c.reference} | ${c.current}`, c] as const))(
    'psi on categories %s',
    (_n, c) => {
      expect(
        agrees(
          psiFromCounts(Float64Array.from(c.reference), Float64Array.from(c.current)),
          c.psi,
          1e-9,
          1e-15,
        ),
      ).toBe(true);
    },
  );
});
