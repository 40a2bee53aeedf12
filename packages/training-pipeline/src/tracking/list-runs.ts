import { getRun } from './get-run.js';
import type { RunRecord } from './run-record.js';
import type { RunTracker } from './run-tracker.js';

/** Every stored run's record, oldest first (by start time, then id). Runs without `run.json` are skipped. */
export async function listRuns(tracker: RunTracker): Promise<RunRecord[]> {
  const objects = await tracker.store.list(`${tracker.prefix}/`);
  const ids = objects
    .filter((o) => o.key.endsWith('/run.json'))
    .map((o) => o.key.slice(tracker.prefix.length + 1, -'/run.json'.length))
    .filter((id) => !id.includes('/'));
  const records: RunRecord[] = [];
  for (const id of ids) records.push((await getRun(tracker, id)).record);
  return records.sort((a, b) => a.startedAtMs - b.startedAtMs || a.runId.localeCompare(b.runId));
}
