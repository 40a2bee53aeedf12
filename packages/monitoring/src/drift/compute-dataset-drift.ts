import type { ColumnDrift } from './column-drift.js';

/** Dataset-level drift verdict. */
export interface DatasetDrift {
  /** Columns with a score (empty sides are excluded). */
  evaluatedColumns: number;
  driftedColumns: number;
  /** driftedColumns / evaluatedColumns; 0 when nothing was evaluated. */
  share: number;
  /** share ≥ driftShare (Evidently's `get_dataset_drift`, default 0.5); false when nothing was evaluated. */
  datasetDrift: boolean;
  /** Columns not scored because a side was empty. */
  skippedColumns: string[];
}

/** Options of {@link computeDatasetDrift}. */
export interface ComputeDatasetDriftOptions {
  /** Share of drifted columns at which the dataset drifts; default 0.5 (Evidently's `drift_share`). */
  driftShare?: number;
}

/** Aggregates column results the way Evidently does: dataset drift when at least half the columns drift. */
export function computeDatasetDrift(
  columns: ColumnDrift[],
  options: ComputeDatasetDriftOptions = {},
): DatasetDrift {
  const driftShare = options.driftShare ?? 0.5;
  const evaluated = columns.filter((c) => c.score !== null);
  const driftedColumns = evaluated.filter((c) => c.drifted).length;
  const share = evaluated.length ? driftedColumns / evaluated.length : 0;
  return {
    evaluatedColumns: evaluated.length,
    driftedColumns,
    share,
    datasetDrift: evaluated.length > 0 && share >= driftShare,
    skippedColumns: columns.filter((c) => c.score === null).map((c) => c.column),
  };
}
