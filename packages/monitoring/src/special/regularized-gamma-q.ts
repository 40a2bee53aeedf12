import { gammaPrefactor } from './gamma-prefactor.js';
import { lowerGammaSeries } from './lower-gamma-series.js';
import { upperGammaFraction } from './upper-gamma-fraction.js';

/**
 * Regularised upper incomplete gamma Q(a, x) = Γ(a, x) / Γ(a) (SciPy `gammaincc`) for a > 0, x ≥ 0.
 * Uses the power series for P when x < a + 1 (then Q = 1 − P, which is not small there) and Lentz's
 * continued fraction otherwise, so small upper tails keep full relative precision.
 */
export function regularizedGammaQ(a: number, x: number): number {
  if (Number.isNaN(a) || Number.isNaN(x) || a <= 0 || x < 0) return Number.NaN;
  if (x === 0) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  if (x < a + 1) return 1 - gammaPrefactor(a, x) * lowerGammaSeries(a, x);
  return gammaPrefactor(a, x) * upperGammaFraction(a, x);
}
