import type { NumericProfile } from '../profile/numeric-profile.js';
import { binNumericSorted } from '../stats/bin-numeric-sorted.js';
import { countPerValueSorted } from '../stats/count-per-value-sorted.js';
import { jensenShannonDistance } from '../stats/jensen-shannon-distance.js';
import { ksPValue } from '../stats/ks-p-value.js';
import { ksStatisticSorted } from '../stats/ks-statistic-sorted.js';
import { psiFromCounts } from '../stats/psi-from-counts.js';
import { wassersteinDistanceSorted } from '../stats/wasserstein-distance-sorted.js';
import { WASSERSTEIN_MIN_NORM } from '../stats/wasserstein-normed.js';
import type { ColumnDrift } from './column-drift.js';
import type { DriftOverride } from './drift-method.js';
import { finishColumnDrift } from './finish-column-drift.js';
import { type NumericSample, prepareNumericSample } from './prepare-numeric-sample.js';
import { type MethodScore, scoreCounts } from './score-counts.js';
import { selectDriftMethod } from './select-drift-method.js';

/** Options of {@link computeNumericDrift}. */
export interface ComputeNumericDriftOptions extends DriftOverride {
  /** Column name, for the result and error messages. */
  column: string;
}

/**
 * Drift of a numeric current sample against a stored reference profile: drops and counts non-finite values,
 * sorts the current sample (pass a {@link NumericSample} to reuse one sort across methods), picks Evidently's default method unless overridden, and scores it from the
 * profile alone. Empty sides and constant columns are flagged, never scored as NaN.
 */
export function computeNumericDrift(
  profile: NumericProfile,
  current: Float64Array | NumericSample,
  options: ComputeNumericDriftOptions,
): ColumnDrift {
  const sample = current instanceof Float64Array ? prepareNumericSample(current) : current;
  const cur = sample.sorted;
  const reference = { count: profile.count, missingCount: profile.missingCount };
  const currentCounts = { count: cur.length, missingCount: sample.missingCount };
  const base = {
    column: options.column,
    columnType: 'numeric' as const,
    threshold: options.threshold,
    reference,
    current: currentCounts,
  };
  if (profile.count === 0 || cur.length === 0) {
    const status = profile.count === 0 ? 'empty-reference' : 'empty-current';
    return finishColumnDrift({ ...base, status, method: options.method ?? null, result: null });
  }
  const method =
    options.method ??
    selectDriftMethod({
      columnType: 'numeric',
      referenceCount: profile.count,
      // Only "≤ 5 or more" matters, so the union is counted with an early exit, and only when it can be ≤ 5.
      uniqueCount: profile.uniqueCount > 5 ? profile.uniqueCount : countDistinctUnion(profile.sorted, cur, 6),
    });
  const constant =
    profile.min === profile.max && cur[0] === profile.min && cur[cur.length - 1] === profile.min;
  const status = constant ? 'constant' : 'ok';
  return finishColumnDrift({ ...base, status, method, result: scoreNumeric(method, profile, cur, options) });
}

function scoreNumeric(
  method: NonNullable<DriftOverride['method']>,
  profile: NumericProfile,
  cur: Float64Array,
  options: ComputeNumericDriftOptions,
): MethodScore {
  switch (method) {
    case 'ks': {
      const { statistic } = ksStatisticSorted(profile.sorted, cur);
      const p = ksPValue(statistic, profile.count, cur.length);
      return { statistic: p.statistic, pValue: p.pValue };
    }
    case 'wasserstein': {
      const distance = wassersteinDistanceSorted(profile.sorted, cur);
      return { statistic: distance / Math.max(profile.std, WASSERSTEIN_MIN_NORM), pValue: null };
    }
    case 'psi':
    case 'jensenshannon': {
      const binned = binNumericSorted(profile.sorted, cur, {
        binning: options.binning ?? { kind: 'evidently' },
        referenceCount: profile.count,
        referenceUniqueCount: profile.uniqueCount,
      });
      const statistic =
        method === 'psi'
          ? psiFromCounts(binned.reference, binned.current)
          : jensenShannonDistance(binned.reference, binned.current, { base: 2 });
      return { statistic, pValue: null };
    }
    default: {
      const perValue = countPerValueSorted(profile.sorted, cur, profile.count / profile.sorted.length);
      return scoreCounts(method, perValue.reference, perValue.current, options.column);
    }
  }
}

/** Distinct values of a ∪ b (both ascending), counting no further than `limit`. */
function countDistinctUnion(a: Float64Array, b: Float64Array, limit: number): number {
  let i = 0;
  let j = 0;
  let count = 0;
  while (i < a.length || j < b.length) {
    const v = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i]! : b[j]!;
    while (i < a.length && a[i]! <= v) i++;
    while (j < b.length && b[j]! <= v) j++;
    count++;
    if (count >= limit) return count;
  }
  return count;
}
