import type { NumericProfile } from '../profile/numeric-profile.js';
import { binNumericSorted } from '../stats/bin-numeric-sorted.js';
import { countPerValueSorted } from '../stats/count-per-value-sorted.js';
import { jensenShannonDistance } from '../stats/jensen-shannon-distance.js';
import { ksPValue } from '../stats/ks-p-value.js';
import { ksStatisticSorted } from '../stats/ks-statistic-sorted.js';
import { psiFromCounts } from '../stats/psi-from-counts.js';
import { sortWithoutNaN } from '../stats/sort-without-nan.js';
import { wassersteinDistanceSorted } from '../stats/wasserstein-distance-sorted.js';
import { WASSERSTEIN_MIN_NORM } from '../stats/wasserstein-normed.js';
import type { ColumnDrift } from './column-drift.js';
import type { DriftOverride } from './drift-method.js';
import { finishColumnDrift } from './finish-column-drift.js';
import { type MethodScore, scoreCounts } from './score-counts.js';
import { selectDriftMethod } from './select-drift-method.js';

/** Options of {@link computeNumericDrift}. */
export interface ComputeNumericDriftOptions extends DriftOverride {
  /** Column name, for the result and error messages. */
  column: string;
}

/**
 * Drift of a numeric current sample against a stored reference profile: drops and counts non-finite values,
 * sorts the current sample once, picks Evidently's default method unless overridden, and scores it from the
 * profile alone. Empty sides and constant columns are flagged, never scored as NaN.
 */
export function computeNumericDrift(
  profile: NumericProfile,
  current: Float64Array,
  options: ComputeNumericDriftOptions,
): ColumnDrift {
  const cur = finiteSorted(current);
  const reference = { count: profile.count, missingCount: profile.missingCount };
  const currentCounts = { count: cur.length, missingCount: current.length - cur.length };
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
  const unionUnique = Math.max(profile.uniqueCount, countDistinctUnion(profile.sorted, cur));
  const method =
    options.method ??
    selectDriftMethod({ columnType: 'numeric', referenceCount: profile.count, uniqueCount: unionUnique });
  const status = unionUnique === 1 ? 'constant' : 'ok';
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

function finiteSorted(values: Float64Array): Float64Array {
  const sorted = sortWithoutNaN(values).sorted;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi && sorted[lo] === Number.NEGATIVE_INFINITY) lo++;
  while (hi > lo && sorted[hi - 1] === Number.POSITIVE_INFINITY) hi--;
  return lo === 0 && hi === sorted.length ? sorted : sorted.subarray(lo, hi);
}

function countDistinctUnion(a: Float64Array, b: Float64Array): number {
  let i = 0;
  let j = 0;
  let count = 0;
  while (i < a.length || j < b.length) {
    const v = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i]! : b[j]!;
    while (i < a.length && a[i]! <= v) i++;
    while (j < b.length && b[j]! <= v) j++;
    count++;
  }
  return count;
}
