import type { ObjectStore } from '@fti/feature-store';

/** The event a fired retraining policy leaves for a scheduler to start `training:start`. */
export interface RetrainEvent {
  kind: 'fti.retrain';
  version: 1;
  /** ISO time of the monitoring run. */
  createdAt: string;
  job: string;
  runId: string;
  reasons: string[];
  /** Free-form labels of the run (model name, version). */
  labels: Record<string, string>;
  /** Key of the JSON report that fired it, when written to the store. */
  reportKey: string | null;
}

/**
 * Writes a retraining event to `events/retrain/<createdAt compact>-<runId>.json` with create-if-absent, so a
 * re-run of the same monitoring run never writes a second event. Returns the key.
 */
export async function writeRetrainEvent(
  store: ObjectStore,
  event: RetrainEvent,
  prefix = 'events/retrain',
): Promise<string> {
  const stamp = event.createdAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const key = `${prefix}/${stamp}-${event.runId.replace(/[^A-Za-z0-9_.-]/g, '_')}.json`;
  await store.putIfAbsent(key, new TextEncoder().encode(`${JSON.stringify(event, null, 2)}\n`));
  return key;
}
