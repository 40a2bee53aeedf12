import { describe, expect, it } from 'vitest';
import { chi2Sf } from '../../src/special/chi2-sf.js';
import { erfc } from '../../src/special/erfc.js';
import { kolmognSf } from '../../src/special/kolmogn.js';
import { kolmogorov } from '../../src/special/kolmogorov.js';
import { logGamma } from '../../src/special/log-gamma.js';
import { normalSf } from '../../src/special/normal-sf.js';
import { regularizedGammaP } from '../../src/special/regularized-gamma-p.js';
import { regularizedGammaQ } from '../../src/special/regularized-gamma-q.js';
import { smirnov } from '../../src/special/smirnov.js';
import { agrees, loadGolden } from './load-golden.js';

interface SpecialGolden {
  kstwo: [number, number, number][];
  smirnov: [number, number, number][];
  kolmogorov: [number, number][];
  gammaincc: [number, number, number][];
  gammainc: [number, number, number][];
  gammaln: [number, number][];
  chi2sf: [number, number, number][];
  erfc: [number, number][];
  normsf: [number, number][];
}

const golden = loadGolden<{ cases: SpecialGolden }>('special').cases;

function mismatches<T extends number[]>(rows: T[], f: (row: T) => number, rel = 1e-9): string[] {
  return rows
    .map((row) => ({ row, actual: f(row), expected: row[row.length - 1]! }))
    .filter(({ actual, expected }) => !agrees(actual, expected, rel))
    .map(({ row, actual, expected }) => `${row.slice(0, -1).join(', ')}: got ${actual}, SciPy ${expected}`);
}

describe('special functions against SciPy 1.10.1', () => {
  it('kstwo.sf(x, n) (kolmogn) agrees within 1e-9 on every branch', () => {
    expect(mismatches(golden.kstwo, ([n, x]) => kolmognSf(n, x))).toEqual([]);
  });
  it('smirnov(n, x) agrees within 1e-9', () => {
    expect(mismatches(golden.smirnov, ([n, x]) => smirnov(n, x))).toEqual([]);
  });
  it('kolmogorov(x) agrees within 1e-9', () => {
    expect(mismatches(golden.kolmogorov, ([x]) => kolmogorov(x))).toEqual([]);
  });
  it('gammaincc and gammainc agree within 1e-9', () => {
    expect(mismatches(golden.gammaincc, ([a, x]) => regularizedGammaQ(a, x))).toEqual([]);
    expect(mismatches(golden.gammainc, ([a, x]) => regularizedGammaP(a, x))).toEqual([]);
  });
  it('gammaln agrees within 1e-12 relative', () => {
    expect(mismatches(golden.gammaln, ([x]) => logGamma(x), 1e-12)).toEqual([]);
  });
  it('chi2.sf, erfc and norm.sf agree within 1e-9', () => {
    expect(mismatches(golden.chi2sf, ([x, dof]) => chi2Sf(x, dof))).toEqual([]);
    expect(mismatches(golden.erfc, ([x]) => erfc(x))).toEqual([]);
    expect(mismatches(golden.normsf, ([z]) => normalSf(z))).toEqual([]);
  });
});
