import { type AwsClients, openStorage } from '@fti/job-storage';
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
  /** AWS clients to use instead of new ones from the job's `aws` settings (tests). */
  clients?: Partial<AwsClients>;
}

/**
 * Opens a job's storage (warehouse, registry, runs: folders or S3) for `runTraining` and closes it after.
 * Node and tfjs versions are recorded with the run.
 */
export async function runTrainingJob(
  job: TrainingJob,
  options: RunTrainingJobOptions = {},
): Promise<TrainingSummary> {
  const { storage: plan, runs, ...config } = job;
  const storage = await openStorage(plan, options.clients ? { clients: options.clients } : {});
  try {
    return await runTraining(config, {
      warehouse: storage.warehouse,
      registry: storage.registry,
      tracker: openRunTracker({ store: storage.openStore(runs) }),
      runId: options.runId ?? createRunId(),
      ...(options.gitCommit !== undefined ? { gitCommit: options.gitCommit } : {}),
      libraryVersions: { node: process.version },
      ...(options.report ? { report: options.report } : {}),
    });
  } finally {
    await storage.close();
  }
}
