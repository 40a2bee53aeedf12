/** Quality of one column of the current window against its reference profile. */
export interface ColumnQuality {
  column: string;
  columnType: 'numeric' | 'categorical';
  /** Rows in the current window. */
  rows: number;
  /** Missing rows (NaN, ±Infinity, null) / rows; 0 for an empty window. */
  missingShare: number;
  /** Numeric: rows below the reference minimum or above its maximum; 0 for categorical columns. */
  outOfRangeCount: number;
  /** outOfRangeCount / non-missing rows; 0 when there are none. */
  outOfRangeShare: number;
  /** Categorical: categories never seen in the reference, sorted; empty for numeric columns. */
  unseenCategories: string[];
  /** Rows holding an unseen category / non-missing rows; 0 when there are none. */
  unseenShare: number;
  /** Human-readable problems found with the column's thresholds (empty when none). */
  issues: string[];
}

/** Columns added, removed or retyped in the current data compared with the reference schema. */
export interface SchemaChanges {
  added: string[];
  removed: string[];
  retyped: { column: string; reference: string; current: string }[];
  /** True when anything above is non-empty. */
  changed: boolean;
}

/** How old the newest feature value is at the run date. */
export interface Freshness {
  /** ISO time of the newest value of the time column, or null when the window is empty. */
  latest: string | null;
  /** ISO run date. */
  runAt: string;
  /** Hours from `latest` to `runAt` (negative when the data is from after the run date); null when empty. */
  ageHours: number | null;
  /** The limit, hours. */
  maxAgeHours: number;
  /** True when the data is older than the limit or there is none. */
  stale: boolean;
}

/** Row volume of the current window compared with the reference, per day of window when both spans are known. */
export interface Volume {
  referenceRows: number;
  currentRows: number;
  /** current / reference rows, each divided by its window's length in days when known; null when the reference is empty. */
  ratio: number | null;
  /** |ratio − 1| at which the volume is flagged. */
  maxChange: number;
  flagged: boolean;
}

/** Data-quality section of a monitoring report. */
export interface DataQuality {
  columns: ColumnQuality[];
  schema: SchemaChanges;
  freshness: Freshness | null;
  volume: Volume;
  /** Every issue in one list, each prefixed with its column or check. */
  issues: string[];
}
