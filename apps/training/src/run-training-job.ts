import { LocalObjectStore, openWarehouse } from '@fti/feature-store';
import { openModelRegistry } from '@fti/model-registry';
import {
  openRunTracker,
  runTraining,
  type TrainingEvent,
  type TrainingSummary,
} from '@fti/training-pipeline';
import { createRunId } from './create-run-id.js';
import type { TrainingJob } from './training-job.js';

/** Options of {@link runTrainingJob}. */
export interface RunTrainingJobOptions {
  /** Default a fresh {@link createRunId}. */
  runId?: string;
  gitCommit?: string | undefined;
  report?: (event: TrainingEvent) => void;
}

/**
 * Wires a job's local folders (warehouse, registry, runs) to `runTraining` and closes the warehouse after.
 * Node and tfjs versions are recorded with the run.
 */
export async function runTrainingJob(
  job: TrainingJob,
  options: RunTrainingJobOptions = {},
): Promise<TrainingSummary> {
  const { warehouse: warehousePath, registry: registryPath, runs, ...config } = job;
  const warehouse = await openWarehouse({ location: { kind: 'local', path: warehousePath } });
  try {
    return await runTraining(config, {
      warehouse,
      registry: openModelRegistry({ store: new LocalObjectStore({ root: registryPath }) }),
      tracker: openRunTracker({ store: new LocalObjectStore({ root: runs }) }),
      runId: options.runId ?? createRunId(),
      ...(options.gitCommit !== undefined ? { gitCommit: options.gitCommit } : {}),
      libraryVersions: { node: process.version },
      ...(options.report ? { report: options.report } : {}),
    });
  } finally {
    await warehouse.close();
  }
}
