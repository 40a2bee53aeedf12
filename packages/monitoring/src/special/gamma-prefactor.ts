import { devianceTerm } from './deviance-term.js';
import { logGamma } from './log-gamma.js';
import { stirlingError } from './stirling-error.js';

const TWO_PI = 2 * Math.PI;

/**
 * x^a e^(−x) / Γ(a), the common factor of the regularised incomplete gamma functions. For a ≥ 10 it is
 * formed from Stirling's error and Loader's deviance so that large a and x ≈ a keep full relative precision.
 */
export function gammaPrefactor(a: number, x: number): number {
  if (x === 0) return 0;
  if (a < 10) return Math.exp(a * Math.log(x) - x - logGamma(a));
  return Math.sqrt(a / TWO_PI) * Math.exp(-stirlingError(a) - devianceTerm(a, x));
}
