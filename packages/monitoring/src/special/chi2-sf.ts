import { regularizedGammaQ } from './regularized-gamma-q.js';

/**
 * Survival function of the chi-square distribution with `dof` degrees of freedom, Pr(X > x)
 * (SciPy `chi2.sf`), as Q(dof / 2, x / 2). Returns 1 for x ≤ 0.
 */
export function chi2Sf(x: number, dof: number): number {
  if (Number.isNaN(x) || Number.isNaN(dof) || dof <= 0) return Number.NaN;
  if (x <= 0) return 1;
  return regularizedGammaQ(dof / 2, x / 2);
}
