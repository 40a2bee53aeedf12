import type { FeatureView } from '../features/feature-view.js';

/** A feature value as served online: `long` is a bigint, `date`/`timestamp` a UTC `Date`, absent is null. */
export type OnlineValue = number | bigint | string | boolean | Date | null;

/**
 * The join key values that name one entity of a view, by join key name: `int` a safe integer, `long` a
 * bigint (or a safe integer), `string` a string. Every join key of the view must be given.
 */
export type EntityKey = Readonly<Record<string, number | bigint | string>>;

/** The latest feature values of one entity and the event time they were known at. */
export interface OnlineFeatures {
  /** When these values became known (the view's event-time column). */
  eventTime: Date;
  /** One value per feature of the view, by feature name; null when absent. */
  values: Readonly<Record<string, OnlineValue>>;
}

/** One entity's latest feature values, as written to an {@link OnlineStore}. */
export interface OnlineRow extends OnlineFeatures {
  key: EntityKey;
}

/** How far a view's online copy has been materialised from its offline table. */
export interface OnlineWatermark {
  /** The newest event time copied so far; the next run reads only rows strictly newer. */
  eventTime: Date;
  /** The offline snapshot the last run read, for lineage; null when the table was empty. */
  snapshotId: bigint | null;
}

/**
 * Port of the online store (owned by the feature store, which materialises into it, and read by serving):
 * the latest feature values per entity of a view version, plus the view's materialisation watermark.
 * Adapters: {@link EmbeddedOnlineStore} (in-process, optionally persisted to a file) and RedisOnlineStore.
 */
export interface OnlineStore {
  /**
   * Stores each row's values for its entity unless the entity already holds values with a newer event
   * time (newer wins; equal event times overwrite). Rows of one call may name different entities only.
   * A row already older than the view's TTL at the store's clock is not stored; adapters delete values
   * once they expire.
   */
  write(view: FeatureView, rows: readonly OnlineRow[]): Promise<void>;
  /**
   * The latest values of each key, in order: null for an unknown entity or one whose values are older than
   * the view's TTL at the store's clock (served iff `eventTime > now − ttl`, as in point-in-time joins).
   */
  get(view: FeatureView, keys: readonly EntityKey[]): Promise<(OnlineFeatures | null)[]>;
  /** The view's watermark, or null before its first materialisation. */
  getWatermark(view: FeatureView): Promise<OnlineWatermark | null>;
  /** Records the view's watermark (written after the rows it covers). */
  setWatermark(view: FeatureView, watermark: OnlineWatermark): Promise<void>;
  /** Releases connections and flushes pending writes; safe to call twice. */
  close(): Promise<void>;
}
