import { readFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { TrainingConfigSchema } from '@fti/training-pipeline';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/** A training job file: where the stores live, plus the training config itself. */
export const TrainingJobSchema = TrainingConfigSchema.extend({
  /** Local warehouse folder (the feature store); relative to the file. Default `.fti/warehouse`. */
  warehouse: z.string().min(1).default('.fti/warehouse'),
  /** Local model registry folder; default `.fti/registry`. */
  registry: z.string().min(1).default('.fti/registry'),
  /** Local folder of tracked runs; default `.fti/runs`. */
  runs: z.string().min(1).default('.fti/runs'),
});
/** A validated training job file. */
export type TrainingJob = z.output<typeof TrainingJobSchema>;

/** Command-line overrides of a job file. */
export interface TrainingJobOverrides {
  warehouse?: string | undefined;
  registry?: string | undefined;
  runs?: string | undefined;
  /** Replaces `tuning.trials`. */
  trials?: number | undefined;
}

/**
 * Reads a job file (`.yaml`/`.yml` or `.json`), resolves its folders against the file's folder (overrides
 * against the working directory) and validates it once. Errors name the file and the field.
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
  const job = parsed.data;
  const base = dirname(file);
  return {
    ...job,
    warehouse: overrides.warehouse ? resolve(overrides.warehouse) : resolve(base, job.warehouse),
    registry: overrides.registry ? resolve(overrides.registry) : resolve(base, job.registry),
    runs: overrides.runs ? resolve(overrides.runs) : resolve(base, job.runs),
  };
}
