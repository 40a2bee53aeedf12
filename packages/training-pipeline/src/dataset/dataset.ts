import type { FeatureColumns } from '@fti/model-runtime';

/** Value type of a dataset feature, as the model registry's signature records it. */
export type DatasetFeatureType = 'float' | 'int' | 'string' | 'bool';

/** One feature column of a dataset and where it came from. */
export interface DatasetFeature {
  /** Column name in {@link Dataset.columns} (the feature's name). */
  name: string;
  /** Feature view name. */
  view: string;
  type: DatasetFeatureType;
}

/** One table the dataset was read from, pinned at a snapshot (`null` for an empty table). */
export interface DatasetSource {
  /** `feature-view` for a feature view table, `table` for the spine's table or relation. */
  kind: 'feature-view' | 'table';
  /** Feature view name, or the spine's table identifier. */
  name: string;
  /** Feature view definition version. */
  version?: number;
  /** Table identifier (`features.customer_features_v1`). */
  table: string;
  /** Decimal snapshot id. */
  snapshotId: string | null;
}

/**
 * A point-in-time-correct training set in columns: one row per spine row, in the spine's order (time, then
 * keys). Numeric and boolean features are `Float64Array` (NaN for a missing value), string features arrays
 * of strings (`null` for missing).
 */
export interface Dataset {
  rows: number;
  /** Entity id per row (keys joined by `|`), for grouped splits. */
  entities: string[];
  /** The spine's time per row, epoch milliseconds (UTC). */
  timestamps: Float64Array;
  /** 0/1 label per row. */
  labels: Uint8Array;
  /** Feature columns by name. */
  columns: FeatureColumns;
  features: DatasetFeature[];
  /** Feature references for the lineage: `<view>:<feature>`. */
  featureRefs: string[];
  /** Every table read, with its pinned snapshot: the spine first, then each feature view. */
  sources: DatasetSource[];
  /** Lower-case hex sha256 of the spine rows (keys, time, label): same spine, same hash. */
  spineHash: string;
}
