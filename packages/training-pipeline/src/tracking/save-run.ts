import { type EpochLogEntry, type RunRecord, RunRecordSchema } from './run-record.js';
import type { RunTracker } from './run-tracker.js';

/**
 * Stores a run: `metrics.json` (every epoch of every trial) first, then `run.json`, which makes the run
 * listed. The record is validated before anything is written.
 */
export async function saveRun(
  tracker: RunTracker,
  run: { record: RunRecord; epochs: readonly EpochLogEntry[] },
): Promise<void> {
  const record = RunRecordSchema.parse(run.record);
  const encode = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
  await tracker.store.put(tracker.metricsKey(record.runId), encode({ epochs: run.epochs }));
  await tracker.store.put(tracker.runKey(record.runId), encode(record));
}
