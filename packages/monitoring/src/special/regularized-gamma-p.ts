import { gammaPrefactor } from './gamma-prefactor.js';
import { lowerGammaSeries } from './lower-gamma-series.js';
import { upperGammaFraction } from './upper-gamma-fraction.js';

/**
 * Regularised lower incomplete gamma P(a, x) = γ(a, x) / Γ(a) (SciPy `gammainc`) for a > 0, x ≥ 0; the
 * complement of `regularizedGammaQ`, computed from whichever side is small.
 */
export function regularizedGammaP(a: number, x: number): number {
  if (Number.isNaN(a) || Number.isNaN(x) || a <= 0 || x < 0) return Number.NaN;
  if (x === 0) return 0;
  if (x === Number.POSITIVE_INFINITY) return 1;
  if (x < a + 1) return gammaPrefactor(a, x) * lowerGammaSeries(a, x);
  return 1 - gammaPrefactor(a, x) * upperGammaFraction(a, x);
}
