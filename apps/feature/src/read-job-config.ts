import { readFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { type FeaturePipelineConfig, FeaturePipelineConfigSchema } from '@fti/feature-pipeline';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { CliArgs } from './cli-args.js';

/** A job config read from its file, with the command line's overrides applied, and the folder it is in. */
export interface JobConfig {
  config: FeaturePipelineConfig;
  /** The config file's folder: relative paths in it resolve against this. */
  baseDir: string;
}

/**
 * Reads a job config (`.yaml`/`.yml` or `.json`), applies the command line (dates, run date, warehouse) and
 * validates it once with zod. Errors name the file and the field.
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
  if (args.date !== undefined) raw.dates = { date: args.date };
  if (args.from !== undefined) raw.dates = { from: args.from, to: args.to, everyDays: args.every ?? 1 };
  else if (args.every !== undefined && typeof raw.dates === 'object')
    raw.dates = { ...raw.dates, everyDays: args.every };
  if (args.runDate !== undefined) raw.runDate = args.runDate;
  if (args.warehouse !== undefined) raw.warehouse = { kind: 'local', path: resolve(args.warehouse) };
  const parsed = FeaturePipelineConfigSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`config ${file} is invalid:\n${z.prettifyError(parsed.error)}`);
  return { config: parsed.data, baseDir: dirname(file) };
}
