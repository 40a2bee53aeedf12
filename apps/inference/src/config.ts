import { z } from 'zod';

const TableName = z
  .string()
  .regex(
    /^[a-z0-9_]+\/[a-z0-9_]+$/,
    'must be `namespace/name` in lower case, e.g. features/customer_features_v1',
  )
  .transform((s) => {
    const [namespace, name] = s.split('/') as [string, string];
    return { namespace, name };
  });

/** Configuration of the inference job; `--model` and `--date` aside, every field has a default. */
export const InferenceConfigSchema = z
  .strictObject({
    /** Registered model name. */
    model: z.string().min(1).default('customer-buys-90d'),
    /** Alias to score with (default `staging`), unless `--version` pins a version. */
    alias: z.string().min(1).optional(),
    version: z.coerce.number().int().min(1).optional(),
    /** Feature date to score, YYYY-MM-DD. */
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date YYYY-MM-DD'),
    /** Warehouse (Iceberg tables): a folder or `s3://bucket/prefix`; default the storage file's, else `.fti/warehouse`. */
    warehouse: z.string().min(1).optional(),
    /** Model registry: a folder or `s3://bucket/prefix`; default the storage file's, else `.fti/registry`. */
    registry: z.string().min(1).optional(),
    /** A storage file (or any job config) whose warehouse, catalog, registry and aws fields this job uses. */
    storage: z.string().min(1).optional(),
    /** What to score: `table` (the `--features` table's rows of `--date`) or `parquet` (every row of `--paths`). */
    input: z.enum(['table', 'parquet']).default('table'),
    /** Feature table to score (input `table`). */
    features: TableName.default({ namespace: 'features', name: 'customer_features_v1' }),
    /** Parquet files or globs to score, comma-separated (input `parquet`); predictions are for `--date`. */
    paths: z
      .string()
      .transform((s) => s.split(',').map((p) => p.trim()))
      .pipe(z.array(z.string().min(1)).min(1))
      .optional(),
    /** Entity key columns of the feature table, comma-separated. */
    keys: z
      .string()
      .default('customer_id')
      .transform((s) => s.split(',').map((k) => k.trim()))
      .pipe(z.array(z.string().min(1)).min(1)),
    /** Predictions table; default `predictions/<model with _>`. The log is `<predictions>_log`. */
    predictions: TableName.optional(),
    /** This worker's shard, `i/n` (0-based); default the whole run. */
    shard: z
      .string()
      .regex(/^\d+\/\d+$/, 'must be `i/n`, e.g. 0/4')
      .default('0/1'),
    /** Rows per streamed batch. */
    batchRows: z.coerce.number().int().positive().default(65_536),
  })
  .refine((c) => c.alias === undefined || c.version === undefined, {
    message: 'give --alias or --version, not both',
  })
  .refine((c) => c.input !== 'parquet' || c.paths !== undefined, {
    message: '--input parquet needs --paths, e.g. --paths "scoring/2011-11-27/*.parquet"',
    path: ['paths'],
  })
  .transform(({ input, paths, ...rest }) => ({
    ...rest,
    /** The scoring input, as `scoreBatch` takes it. */
    input:
      input === 'parquet'
        ? { kind: 'parquet' as const, paths: paths ?? [] }
        : { kind: 'table' as const, table: rest.features },
  }));
export type InferenceConfig = z.output<typeof InferenceConfigSchema>;

/** Parses `--key value` / `--key=value` arguments into a validated config. */
export function parseArgs(argv: string[]): InferenceConfig {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') continue;
    if (!arg.startsWith('--')) throw new Error(`unexpected argument \`${arg}\`; use --key value`);
    const [key, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`--${key} needs a value`);
    raw[key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = value;
  }
  const parsed = InferenceConfigSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`invalid arguments: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
