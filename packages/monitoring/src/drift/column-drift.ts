import type { DriftMethod } from './drift-method.js';

/**
 * Why a column has or lacks a score. `constant`: both samples hold one and the same value (scored, never
 * drifted); `empty-reference` / `empty-current`: no non-missing value on that side (not scored, excluded from
 * the dataset share).
 */
export type ColumnDriftStatus = 'ok' | 'constant' | 'empty-reference' | 'empty-current';

/** Drift of one column: never NaN; `null` where there is nothing to score. */
export interface ColumnDrift {
  column: string;
  columnType: 'numeric' | 'categorical';
  status: ColumnDriftStatus;
  /** The method used (default selection or override); null when a side is empty and none was forced. */
  method: DriftMethod | null;
  /** What is compared with the threshold: the p-value for tests, the distance for distances. */
  score: number | null;
  /** The test statistic (KS D, chi-square, z) or the distance. */
  statistic: number | null;
  /** The p-value for tests, null for distances. */
  pValue: number | null;
  threshold: number | null;
  drifted: boolean;
  /** Non-missing and missing (NaN, ±Infinity, null code) rows on each side. */
  reference: { count: number; missingCount: number };
  current: { count: number; missingCount: number };
}
