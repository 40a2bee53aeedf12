import { parseArgs } from 'node:util';
import { z } from 'zod';

/** What the command line says: the config file and what to override in it. */
export const CliArgsSchema = z
  .strictObject({
    /** The job's YAML or JSON file. */
    config: z.string().min(1, 'give --config <file.yaml|file.json>'),
    /** One feature date (replaces the config's dates). */
    date: z.string().optional(),
    /** A backfill from … to (inclusive) every N days (replaces the config's dates). */
    from: z.string().optional(),
    to: z.string().optional(),
    every: z.coerce.number().int().positive().optional(),
    /** The date the run counts as today; default the config's, else the clock's. */
    runDate: z.string().optional(),
    /** Another warehouse: a folder (relative to the working directory) or `s3://bucket/prefix`. */
    warehouse: z.string().optional(),
    /** A storage file (warehouse, catalog, engine, athena, registry, aws) replacing the config's storage fields. */
    storage: z.string().optional(),
    /** Write the run summary (with the whole validation report) as JSON to this file. */
    summaryJson: z.string().optional(),
  })
  .refine((a) => a.date === undefined || (a.from === undefined && a.to === undefined), {
    message: 'give --date or --from/--to, not both',
  })
  .refine((a) => (a.from === undefined) === (a.to === undefined), { message: 'give both --from and --to' });
/** Parsed command line. */
export type CliArgs = z.infer<typeof CliArgsSchema>;

/** Parses `--config f --date d | --from a --to b [--every n] [--run-date d] [--warehouse p] [--storage f] [--summary-json f]`. */
export function parseCliArgs(argv: string[]): CliArgs {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      config: { type: 'string' },
      date: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      every: { type: 'string' },
      'run-date': { type: 'string' },
      warehouse: { type: 'string' },
      storage: { type: 'string' },
      'summary-json': { type: 'string' },
    },
  });
  const parsed = CliArgsSchema.safeParse({
    config: values.config ?? '',
    date: values.date,
    from: values.from,
    to: values.to,
    every: values.every,
    runDate: values['run-date'],
    warehouse: values.warehouse,
    storage: values.storage,
    summaryJson: values['summary-json'],
  });
  if (!parsed.success) throw new Error(`invalid arguments: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
