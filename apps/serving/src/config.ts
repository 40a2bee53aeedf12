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

const Count = (min: number) => z.coerce.number().int().min(min);

/** Configuration of the serving app; every field has a default (`npm start` leaves a model to serve). */
export const ServingConfigSchema = z
  .strictObject({
    /** Registered model name. */
    model: z.string().min(1).default('customer-buys-90d'),
    /** Alias to serve (default `staging`), followed on every reload; or a pinned `--version`. */
    alias: z.string().min(1).optional(),
    version: Count(1).optional(),
    /** Model registry: a folder or `s3://bucket/prefix`; default the storage file's, else `.fti/registry`. */
    registry: z.string().min(1).optional(),
    /** Warehouse (feature tables, prediction log): a folder or `s3://bucket/prefix`; default `.fti/warehouse`. */
    warehouse: z.string().min(1).optional(),
    /** A storage file (or any job config) whose warehouse, catalog, registry and aws fields the server uses. */
    storage: z.string().min(1).optional(),
    /** Feature view table whose latest values `{ entityId }` requests read. */
    features: TableName.default({ namespace: 'features', name: 'customer_features_v1' }),
    /** Online store: `embedded` (in process, materialised at startup), `redis` (`--redis-url`), or `none`. */
    online: z.enum(['embedded', 'redis', 'none']).default('embedded'),
    redisUrl: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// URL' }).optional(),
    /** File the embedded online store persists to; default memory only (materialised fully at startup). */
    onlineFile: z.string().min(1).optional(),
    /** Seconds between incremental materialisations of new feature rows while serving; 0: only at startup. */
    onlineRefreshS: Count(0).default(0),
    /**
     * The online store's clock for feature TTLs: `latest` (the newest feature date in the table, so a
     * historical data set such as Online Retail still serves), `now`, or an ISO date.
     */
    onlineAsOf: z
      .string()
      .default('latest')
      .refine((s) => s === 'latest' || s === 'now' || !Number.isNaN(Date.parse(s)), {
        message: 'must be `latest`, `now` or an ISO date such as 2011-12-09',
      }),
    host: z.string().min(1).default('127.0.0.1'),
    port: Count(0).max(65_535).default(8080),
    /** Largest request body, bytes. */
    bodyLimit: Count(64).default(1_048_576),
    /** Most rows (or entity ids) in one `/predict/batch` request. */
    maxBatchRows: Count(1).default(1000),
    /** Bearer token of `POST /admin/reload` (from FTI_SERVING_RELOAD_TOKEN); reload is refused without one. */
    reloadToken: z.string().min(16, 'must be at least 16 characters').optional(),
    /** Online prediction log table; default `predictions/<model with _>_online_log`; `none` to disable. */
    logTable: z.union([z.literal('none'), TableName]).optional(),
    /** Buffered predictions that trigger a log flush. */
    logFlushRows: Count(1).default(10_000),
    /** Longest a prediction waits before the log is flushed, ms. */
    logFlushMs: Count(10).default(5000),
    /** Fastify request logging level. */
    logLevel: z.enum(['silent', 'error', 'warn', 'info', 'debug']).default('warn'),
  })
  .refine((c) => c.alias === undefined || c.version === undefined, {
    message: 'give --alias or --version, not both',
  })
  .refine((c) => c.online !== 'redis' || c.redisUrl !== undefined, {
    message: '--online redis needs --redis-url redis://host:port',
    path: ['redisUrl'],
  });
export type ServingConfig = z.output<typeof ServingConfigSchema>;

/** Environment variables read at the app edge, by config field. */
const ENV: Record<string, string> = {
  reloadToken: 'FTI_SERVING_RELOAD_TOKEN',
  redisUrl: 'FTI_SERVING_REDIS_URL',
  port: 'FTI_SERVING_PORT',
  host: 'FTI_SERVING_HOST',
};

/** Parses `--key value` / `--key=value` arguments over the FTI_SERVING_* environment into a validated config. */
export function parseArgs(argv: string[], env: Record<string, string | undefined> = {}): ServingConfig {
  const raw: Record<string, string> = {};
  for (const [field, name] of Object.entries(ENV)) {
    const value = env[name];
    if (value !== undefined && value !== '') raw[field] = value;
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') continue;
    if (!arg.startsWith('--')) throw new Error(`unexpected argument \`${arg}\`; use --key value`);
    const [key, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`--${key} needs a value`);
    raw[key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = value;
  }
  const parsed = ServingConfigSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`invalid configuration: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
