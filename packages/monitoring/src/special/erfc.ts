import { regularizedGammaQ } from './regularized-gamma-q.js';

const TWO_OVER_SQRT_PI = 1.1283791670955126;

/**
 * Complementary error function erfc(x) = 1 − erf(x) with full relative precision in the upper tail
 * (erfc(x) = Q(½, x²) for x ≥ 0.5; Maclaurin series of erf below; erfc(−x) = 2 − erfc(x)).
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 0.5) return 1 - erfSeries(x);
  if (x > 27.3) return 0;
  return regularizedGammaQ(0.5, x * x);
}

function erfSeries(x: number): number {
  // erf(x) = 2/√π Σ (−1)ⁿ x^(2n+1) / (n! (2n+1)); for |x| < 0.5 the terms shrink by x² / n each step.
  const x2 = x * x;
  let power = x;
  let sum = x;
  for (let n = 1; n < 60; n++) {
    power *= -x2 / n;
    const term = power / (2 * n + 1);
    sum += term;
    if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
  }
  return TWO_OVER_SQRT_PI * sum;
}
