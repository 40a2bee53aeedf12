import { InvalidStatisticInputError } from '../errors.js';
import { erfc } from '../special/erfc.js';

/** Counts for a two-proportion Z-test. */
export interface ProportionCounts {
  /** Reference rows in the tested class, and all reference rows. */
  referenceHits: number;
  referenceTotal: number;
  /** Current rows in the tested class, and all current rows. */
  currentHits: number;
  currentTotal: number;
}

/** Result of {@link zTestProportions}. */
export interface ZTestResult {
  /** (p₁ − p₂) / √(P(1 − P)(1/n₁ + 1/n₂)) with the pooled proportion P; 0 when P is 0 or 1. */
  statistic: number;
  /** Two-sided p-value 2·Pr(Z > |z|) = erfc(|z| / √2); 1 when both samples hold one and the same class. */
  pValue: number;
}

/**
 * Two-sided Z-test for the difference of two independent proportions with pooled variance, as Evidently's
 * `z` drift method (`z_stattest.py`); the p-value is computed as erfc(|z|/√2) instead of Evidently's
 * 2·(1 − Φ(|z|)), so it keeps full relative precision below 1e-16 (where Evidently's rounds to 0).
 * @throws InvalidStatisticInputError when a total is not positive or hits exceed the total.
 */
export function zTestProportions(counts: ProportionCounts): ZTestResult {
  const { referenceHits: x1, referenceTotal: n1, currentHits: x2, currentTotal: n2 } = counts;
  check('referenceTotal', n1, x1);
  check('currentTotal', n2, x2);
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
  const variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
  if (!(variance > 0)) return { statistic: 0, pValue: 1 };
  const z = (p1 - p2) / Math.sqrt(variance);
  return { statistic: z, pValue: Math.min(erfc(Math.abs(z) / Math.SQRT2), 1) };
}

function check(name: string, total: number, hits: number): void {
  if (!(total > 0)) throw new InvalidStatisticInputError(name, 'must be positive');
  if (!(hits >= 0 && hits <= total))
    throw new InvalidStatisticInputError(name, `must be ≥ hits (${hits}) ≥ 0`);
}
