import type { Volume } from './data-quality.js';

/**
 * Compares row volumes, per day of window when both window lengths are given (a 31-day month against a
 * 30-day one), and flags a change of more than `maxChange` either way (ratio above 1 + maxChange or below
 * 1 / (1 + maxChange)). An empty reference gives ratio null and is flagged only if the current window has rows.
 */
export function compareVolume(options: {
  referenceRows: number;
  currentRows: number;
  /** Window lengths in days; default unknown (raw row counts are compared). */
  referenceDays?: number;
  currentDays?: number;
  /** Default 0.5. */
  maxChange?: number;
}): Volume {
  const maxChange = options.maxChange ?? 0.5;
  const { referenceRows, currentRows } = options;
  const perDay = options.referenceDays && options.currentDays;
  const ratio =
    referenceRows > 0
      ? perDay
        ? currentRows / options.currentDays! / (referenceRows / options.referenceDays!)
        : currentRows / referenceRows
      : null;
  const flagged = ratio === null ? currentRows > 0 : ratio > 1 + maxChange || ratio < 1 / (1 + maxChange);
  return { referenceRows, currentRows, ratio, maxChange, flagged };
}
