import { z } from 'zod';

/** Command-line arguments of the monitoring job. */
export const CliArgsSchema = z.strictObject({
  /** Monitoring configuration (JSON or YAML). */
  config: z.string().min(1).default('examples/online-retail/monitoring-job.yaml'),
  /** Another warehouse: a folder or `s3://bucket/prefix`; default the config's, else `.fti/warehouse`. */
  warehouse: z.string().min(1).optional(),
  /** Another model registry (for `reference.kind: model`): a folder or `s3://bucket/prefix`. */
  registry: z.string().min(1).optional(),
  /** A storage file (warehouse, catalog, registry, aws) replacing the config's storage fields. */
  storage: z.string().min(1).optional(),
  /** Run date (ISO); default now. Sets the report date, freshness and cooldowns. */
  now: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  /** Slide the current window: months ending at the config's current window (1 = just it). */
  months: z.coerce.number().int().positive().default(1),
});
export type CliArgs = z.infer<typeof CliArgsSchema>;

/** Parses `--key value` / `--key=value` arguments. */
export function parseCliArgs(argv: string[]): CliArgs {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') continue;
    if (!arg.startsWith('--')) throw new Error(`unexpected argument \`${arg}\`; use --key value`);
    const [key, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`--${key} needs a value`);
    raw[key] = value;
  }
  const parsed = CliArgsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`invalid arguments: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
