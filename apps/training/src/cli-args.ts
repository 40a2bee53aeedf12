import { parseArgs } from 'node:util';
import { z } from 'zod';

/** The training job's command line. */
export const CliArgsSchema = z.strictObject({
  /** The job's YAML or JSON file; default the Online Retail example. */
  config: z.string().min(1).default('examples/online-retail/training-job.yaml'),
  /** Another warehouse, registry or runs: a folder (relative to the working directory) or `s3://bucket/prefix`. */
  warehouse: z.string().optional(),
  registry: z.string().optional(),
  runs: z.string().optional(),
  /** A storage file (warehouse, catalog, engine, athena, registry, aws) replacing the job's storage fields. */
  storage: z.string().optional(),
  /** Replaces the config's number of trials. */
  trials: z.coerce.number().int().positive().optional(),
});
/** Parsed command line. */
export type CliArgs = z.infer<typeof CliArgsSchema>;

/** Parses `[--config f] [--warehouse d] [--registry d] [--runs d] [--storage f] [--trials n]`. */
export function parseCliArgs(argv: string[]): CliArgs {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      config: { type: 'string' },
      warehouse: { type: 'string' },
      registry: { type: 'string' },
      runs: { type: 'string' },
      storage: { type: 'string' },
      trials: { type: 'string' },
    },
  });
  const parsed = CliArgsSchema.safeParse(values);
  if (!parsed.success) throw new Error(`invalid arguments: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
