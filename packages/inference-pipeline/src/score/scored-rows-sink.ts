import type { TableWriter } from '@fti/feature-store';
import type * as arrow from 'apache-arrow';

/** Where scored rows are written: one writer per table, opened on the first write. */
export interface ScoredRowsTargets {
  predictions: TableWriter;
  log: TableWriter;
}

/** Takes scored batches and writes their predictions and log rows into the targets, a file group at a time. */
export interface ScoredRowsSink {
  /**
   * Adds one read batch: `hashes` per batch row, `scores` per scored row, `selected` the batch rows scored
   * (in order; `undefined` when every row was).
   */
  add(
    batch: arrow.RecordBatch,
    hashes: Uint32Array,
    scores: Float64Array,
    selected: Uint32Array | undefined,
  ): Promise<void>;
  /** Writes what is buffered, waits for every write, and returns the targets (opened if nothing was written). */
  finish(): Promise<ScoredRowsTargets>;
  /** The targets opened so far (to abort them after a failure), waiting for the write in flight. */
  opened(): Promise<ScoredRowsTargets | undefined>;
}
