import { InvalidStatisticInputError } from '../errors.js';
import { chi2Contingency } from '../stats/chi2-contingency.js';
import { jensenShannonDistance } from '../stats/jensen-shannon-distance.js';
import { psiFromCounts } from '../stats/psi-from-counts.js';
import { zTestProportions } from '../stats/z-test-proportions.js';
import type { DriftMethod } from './drift-method.js';

/** A method's raw outcome before the threshold is applied. */
export interface MethodScore {
  statistic: number;
  pValue: number | null;
}

/**
 * Scores reference and current counts over the same ascending keys (categories or distinct values) with a
 * count-based method. `ztest` compares the share of rows not in the first key, as Evidently does.
 * @throws InvalidStatisticInputError for `ks` or `wasserstein`, which need numeric samples.
 */
export function scoreCounts(
  method: DriftMethod,
  reference: Float64Array,
  current: Float64Array,
  column: string,
): MethodScore {
  switch (method) {
    case 'chisquare': {
      const result = chi2Contingency([reference, current]);
      return { statistic: result.statistic, pValue: result.pValue };
    }
    case 'ztest': {
      const referenceTotal = sum(reference);
      const currentTotal = sum(current);
      const result = zTestProportions({
        referenceHits: referenceTotal - reference[0]!,
        referenceTotal,
        currentHits: currentTotal - current[0]!,
        currentTotal,
      });
      return { statistic: result.statistic, pValue: result.pValue };
    }
    case 'jensenshannon':
      return { statistic: jensenShannonDistance(reference, current, { base: 2 }), pValue: null };
    case 'psi':
      return { statistic: psiFromCounts(reference, current), pValue: null };
    default:
      throw new InvalidStatisticInputError(
        `checks.${column}.method`,
        `is ${method}, which needs a numeric column; use chisquare, ztest, jensenshannon or psi for categories`,
      );
  }
}

function sum(counts: Float64Array): number {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i]!;
  return total;
}
