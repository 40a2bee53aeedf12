import type { Catalog, LoadedTable } from '../catalog/catalog.js';
import type { DuckDb } from '../engine/duck-db.js';
import type { FileIo } from './file-io.js';

/** How commits retry after losing a race to another writer. */
export interface RetryPolicy {
  /** Attempts in all, the first included. Default 12. */
  attempts: number;
  /** First backoff, ms; doubles each attempt with full jitter. Default 25. */
  baseDelayMs: number;
  /** Longest single backoff, ms. Default 2000. */
  maxDelayMs: number;
}

/**
 * Everything table operations need from the outside world, injected so tests control clocks, ids and
 * failures: the catalog, file access, the embedded engine, a scratch folder, and sources of time and chance.
 */
export interface TableEnv {
  catalog: Catalog;
  files: FileIo;
  db: DuckDb;
  /** Local scratch folder for staging Parquet files before upload. */
  stagingDir: string;
  /** Epoch milliseconds. */
  now: () => number;
  /** Uniform in [0, 1): snapshot ids, file names and backoff jitter. */
  random: () => number;
  sleep: (ms: number) => Promise<void>;
  retry: RetryPolicy;
}

/** A table as last loaded, and the environment to act on it in. Verbs return a new `Table`. */
export interface Table {
  env: TableEnv;
  loaded: LoadedTable;
}

/** Default {@link RetryPolicy}. */
export const defaultRetryPolicy: RetryPolicy = { attempts: 12, baseDelayMs: 25, maxDelayMs: 2000 };
