import type { ObjectStore } from '@fti/feature-store';

/** Options of {@link openRunTracker}. */
export interface OpenRunTrackerOptions {
  /** Where runs are stored: a `LocalObjectStore` (`.fti/runs`) or an `S3ObjectStore`. */
  store: ObjectStore;
  /** Key prefix inside the store; default `runs`. */
  prefix?: string;
}

/** An opened run store: `<prefix>/<runId>/run.json` and `<prefix>/<runId>/metrics.json`. */
export interface RunTracker {
  readonly store: ObjectStore;
  readonly prefix: string;
  runKey(runId: string): string;
  metricsKey(runId: string): string;
}

/** Opens the store training runs are recorded in. Nothing is read or written until a verb is called. */
export function openRunTracker(options: OpenRunTrackerOptions): RunTracker {
  const prefix = (options.prefix ?? 'runs').replace(/^\/+|\/+$/g, '');
  return {
    store: options.store,
    prefix,
    runKey: (runId) => `${prefix}/${runId}/run.json`,
    metricsKey: (runId) => `${prefix}/${runId}/metrics.json`,
  };
}
