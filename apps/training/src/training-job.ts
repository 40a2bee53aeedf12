import { readFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import {
  planJobStorage,
  resolveStoreLocation,
  StorageConfigSchema,
  type StoragePlan,
  type StoreLocation,
  StoreLocationSchema,
} from '@fti/job-storage';
import { TrainingConfigSchema } from '@fti/training-pipeline';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/**
 * A training job file: the storage fields every job shares (`warehouse`, `registry`, ... a folder relative
 * to the file or `s3://bucket/prefix`, see `@fti/job-storage`), where tracked runs go, and the training config.
 */
export const TrainingJobSchema = TrainingConfigSchema.extend({
  ...StorageConfigSchema.shape,
  /** Tracked runs: a folder (relative to the file) or `s3://bucket/prefix`; default `.fti/runs`. */
  runs: StoreLocationSchema.prefault('.fti/runs'),
});
type ParsedJob = z.output<typeof TrainingJobSchema>;
/** A validated training job: the training config, its storage plan and where runs are tracked. */
export type TrainingJob = Omit<ParsedJob, keyof typeof StorageConfigSchema.shape | 'runs'> & {
  storage: StoragePlan;
  runs: StoreLocation;
};

/** Command-line overrides of a job file (folders relative to the working directory, or `s3://` URIs). */
export interface TrainingJobOverrides {
  warehouse?: string | undefined;
  registry?: string | undefined;
  runs?: string | undefined;
  /** A storage file whose fields replace the job's. */
  storage?: string | undefined;
  /** Replaces `tuning.trials`. */
  trials?: number | undefined;
}

/**
 * Reads a job file (`.yaml`/`.yml` or `.json`), resolves its folders against the file's folder (overrides
 * against the working directory), plans its storage and validates it once. Errors name the file and the field.
 */
export async function readTrainingJob(
  path: string,
  overrides: TrainingJobOverrides = {},
): Promise<TrainingJob> {
  const file = resolve(path);
  const text = await readFile(file, 'utf8').catch((error: Error) => {
    throw new Error(`cannot read training config ${file}: ${error.message}`);
  });
  let raw: Record<string, unknown>;
  try {
    raw = ['.yaml', '.yml'].includes(extname(file)) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new Error(
      `training config ${file} is not valid ${extname(file).slice(1).toUpperCase()}: ${(error as Error).message}`,
    );
  }
  if (overrides.trials !== undefined)
    raw.tuning = { ...(raw.tuning as Record<string, unknown> | undefined), trials: overrides.trials };
  const parsed = TrainingJobSchema.safeParse(raw);
  if (!parsed.success)
    throw new Error(`training config ${file} is invalid:\n${z.prettifyError(parsed.error)}`);
  const { warehouse, catalog, engine, athena, registry, aws, runs, ...config } = parsed.data;
  const base = dirname(file);
  const storage = await planJobStorage({
    job: { raw, baseDir: base, source: file },
    storageFile: overrides.storage,
    flags: { warehouse: overrides.warehouse, registry: overrides.registry },
    defaultsDir: base,
  });
  const runsFlag = overrides.runs !== undefined ? StoreLocationSchema.parse(overrides.runs) : undefined;
  return {
    ...config,
    storage,
    runs: runsFlag ? resolveStoreLocation(runsFlag, resolve('.')) : resolveStoreLocation(runs, base),
  };
}
