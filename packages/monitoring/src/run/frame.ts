import type { CurrentColumn } from '../drift/compute-drift.js';

/** One side of a monitoring run as columns: what was read, how many rows, over how many days. */
export interface Frame {
  /** Human description, e.g. `retail.transactions@123 invoice_date ∈ [2011-09-01, 2011-10-01)`. */
  description: string;
  /** Source rows in the window (before any aggregation). */
  rows: number;
  /** Window length in days, when the source has a window. */
  days: number | null;
  /** Monitored columns: numbers as Float64Array (NaN = missing), the rest dictionary-encoded. */
  columns: Record<string, CurrentColumn>;
  /** Type name of every column of the source (`double`, `string`, ...; the measures when aggregated), for schema checks. */
  types: Record<string, string>;
  /** Newest value of the time column, epoch ms; null without one or when empty. */
  latestTime: number | null;
}
