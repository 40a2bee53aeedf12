import { InvalidInputError } from '../errors.js';
import type { Split } from './split.js';
import { splitFromMask } from './split-from-mask.js';

/** Options of {@link splitByTime}. */
export interface SplitByTimeOptions {
  /** Event time per row (e.g. epoch milliseconds; any unit used consistently). */
  timestamps: Float64Array;
  /** Train on rows strictly before `cutoff`, validate on rows at or after it. */
  cutoff: number;
  /** Validate only on rows strictly before this time; default no upper bound. */
  validationEnd?: number;
}

/** Time-based split: no validation row is earlier than any training row (no look-ahead leakage). */
export function splitByTime(options: SplitByTimeOptions): Split {
  const { timestamps, cutoff } = options;
  const end = options.validationEnd ?? Number.POSITIVE_INFINITY;
  if (Number.isNaN(cutoff) || Number.isNaN(end) || end < cutoff)
    throw new InvalidInputError(
      'cutoff',
      `${cutoff} .. ${end} is not a valid window; validationEnd must be >= cutoff`,
    );
  const mask = new Uint8Array(timestamps.length);
  for (let i = 0; i < timestamps.length; i++) {
    const t = timestamps[i]!;
    if (Number.isNaN(t))
      throw new InvalidInputError('timestamps', `row ${i} is NaN; every row needs an event time`);
    mask[i] = t < cutoff ? 0 : t < end ? 1 : 2;
  }
  return splitFromMask(mask);
}
