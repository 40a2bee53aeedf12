import { readFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { type FeaturePipelineConfig, FeaturePipelineConfigSchema } from '@fti/feature-pipeline';
import { planJobStorage, type StoragePlan, splitStorageFields } from '@fti/job-storage';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { CliArgs } from './cli-args.js';

/** A job config read from its file, with the command line's overrides applied, and the folder it is in. */
export interface JobConfig {
  config: FeaturePipelineConfig;
  /** Where the tables live and which engine computes (the config's storage fields, `--storage`, `--warehouse`). */
  storage: StoragePlan;
  /** The config file's folder: relative paths in it resolve against this. */
  baseDir: string;
}

/**
 * Reads a job config (`.yaml`/`.yml` or `.json`), applies the command line (dates, run date, storage) and
 * validates it once with zod: the storage fields with `@fti/job-storage`, the rest with the pipeline's schema.
 * Errors name the file and the field.
 */
export async function readJobConfig(args: CliArgs): Promise<JobConfig> {
  const file = resolve(args.config);
  const text = await readFile(file, 'utf8').catch((error: Error) => {
    throw new Error(`cannot read config ${file}: ${error.message}`);
  });
  let raw: Record<string, unknown>;
  try {
    raw = ['.yaml', '.yml'].includes(extname(file)) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new Error(
      `config ${file} is not valid ${extname(file).slice(1).toUpperCase()}: ${(error as Error).message}`,
    );
  }
  const baseDir = dirname(file);
  const { storage: written, rest } = splitStorageFields(raw);
  const storage = await planJobStorage({
    job: { raw: written, baseDir, source: file },
    storageFile: args.storage,
    flags: { warehouse: args.warehouse },
    defaultsDir: baseDir,
  });
  // The engine is a storage field and a pipeline field: Athena also needs the events' table (`relation`).
  if (raw.engine !== undefined) rest.engine = raw.engine;
  if (args.date !== undefined) rest.dates = { date: args.date };
  if (args.from !== undefined) rest.dates = { from: args.from, to: args.to, everyDays: args.every ?? 1 };
  else if (args.every !== undefined && typeof rest.dates === 'object')
    rest.dates = { ...rest.dates, everyDays: args.every };
  if (args.runDate !== undefined) rest.runDate = args.runDate;
  const parsed = FeaturePipelineConfigSchema.safeParse(rest);
  if (!parsed.success) throw new Error(`config ${file} is invalid:\n${z.prettifyError(parsed.error)}`);
  if (parsed.data.engine.kind !== storage.engine)
    throw new Error(
      `config ${file} computes with engine \`${parsed.data.engine.kind}\` but its storage says \`${storage.engine}\`; ` +
        'for Athena write `engine: { kind: athena, relation: \'"<database>"."<events table>"\' }` in the feature job',
    );
  return { config: parsed.data, storage, baseDir };
}
