import { ObjectNotFoundError } from '@fti/feature-store';
import { RunNotFoundError } from '../errors.js';
import { type EpochLogEntry, type RunRecord, RunRecordSchema } from './run-record.js';
import type { RunTracker } from './run-tracker.js';

/**
 * Reads one run's record and per-epoch metrics.
 * @throws RunNotFoundError when the run is not stored or its record does not validate.
 */
export async function getRun(
  tracker: RunTracker,
  runId: string,
): Promise<{ record: RunRecord; epochs: EpochLogEntry[] }> {
  const read = async (key: string): Promise<unknown> => {
    try {
      return JSON.parse(new TextDecoder().decode(await tracker.store.get(key)));
    } catch (error) {
      if (error instanceof ObjectNotFoundError)
        throw new RunNotFoundError(runId, `is not stored (no \`${key}\`); list runs to see the ids`, {
          cause: error,
        });
      throw new RunNotFoundError(runId, `has an unreadable \`${key}\``, { cause: error });
    }
  };
  const parsed = RunRecordSchema.safeParse(await read(tracker.runKey(runId)));
  if (!parsed.success)
    throw new RunNotFoundError(runId, `has an invalid run.json: ${parsed.error.issues[0]?.message}`, {
      cause: parsed.error,
    });
  const metrics = (await read(tracker.metricsKey(runId))) as { epochs?: EpochLogEntry[] };
  return { record: parsed.data, epochs: metrics.epochs ?? [] };
}
