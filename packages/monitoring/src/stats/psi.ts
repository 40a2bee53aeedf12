import { EmptySampleError } from '../errors.js';
import { binNumericSorted } from './bin-numeric-sorted.js';
import type { NumericBinning } from './numeric-binning.js';
import { psiFromCounts } from './psi-from-counts.js';
import { sortWithoutNaN } from './sort-without-nan.js';

/** Options of {@link psi}. */
export interface PsiOptions {
  /** Default `{ kind: 'evidently' }` (see {@link NumericBinning}). */
  binning?: NumericBinning;
}

/**
 * Population Stability Index of a numeric current sample against a reference, on shared bins (Evidently's
 * binning by default) with Evidently's empty-bin floor. NaN values are dropped.
 * @throws EmptySampleError when either sample has no non-NaN value.
 */
export function psi(reference: Float64Array, current: Float64Array, options: PsiOptions = {}): number {
  const ref = sortWithoutNaN(reference).sorted;
  const cur = sortWithoutNaN(current).sorted;
  if (ref.length === 0) throw new EmptySampleError('reference');
  if (cur.length === 0) throw new EmptySampleError('current');
  const binned = binNumericSorted(ref, cur, { binning: options.binning ?? { kind: 'evidently' } });
  return psiFromCounts(binned.reference, binned.current);
}
