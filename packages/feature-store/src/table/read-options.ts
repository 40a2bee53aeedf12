import type { Filter } from '../iceberg/filter.js';

/** Which snapshot, rows and columns a read sees. */
export interface ReadOptions {
  /** Read this snapshot. Default: the current one. */
  snapshotId?: bigint;
  /** Read the latest snapshot committed at or before this time (epoch ms or Date). Default: current. */
  asOf?: number | Date;
  /** Only rows matching this filter; also prunes files by partition and column min/max. Default: all. */
  filter?: Filter;
  /** Only these columns, in this order. Default: every column of the snapshot's schema. */
  columns?: string[];
}
