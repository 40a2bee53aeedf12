import { z } from 'zod';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date YYYY-MM-DD');

/** Configuration of the loop job; every field has a default so `npm start` needs no arguments. */
export const LoopConfigSchema = z.strictObject({
  /** Local warehouse folder (Iceberg tables). */
  warehouse: z.string().min(1).default('.fti/warehouse'),
  /** The Online Retail transactions (Parquet). */
  transactions: z.string().min(1).default('examples/online-retail/data/online_retail.parquet'),
  /** Spine rows (customer, as-of date) for the point-in-time join sample. */
  spineSize: z.coerce.number().int().positive().default(1000),
  /**
   * First and last weekly feature date. Default all 52 Sundays of the data, 2010-12-05 … 2011-11-27 (about
   * 15 s on two cores): training needs the dates whose 90-day labels are complete (up to 2011-09-04).
   * `--from 2011-09-04` computes only the last 13 weeks (a few seconds; too few for training, which is then
   * skipped with `--train false`).
   */
  from: IsoDate.default('2010-12-05'),
  to: IsoDate.default('2011-11-27'),
  /** Days between feature dates; default 7. */
  every: z.coerce.number().int().positive().default(7),
  /** Train, register and gate a model after the features (`--train false` to skip); default true. */
  train: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Score the last feature date with the `staging` model after training (`--score false` to skip); default true. */
  score: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Run the monitoring job after training (`--monitor false` to skip); default true. */
  monitor: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** The monitoring job's config (drift of November against September 2011). */
  monitoringConfig: z.string().min(1).default('examples/online-retail/monitoring-job.yaml'),
  /**
   * The model-monitoring job: the scoring model's recorded training set against the prediction log of the
   * scored date (the loop pins the model version, the date and the scoring run).
   */
  modelMonitoringConfig: z.string().min(1).default('examples/online-retail/model-monitoring-job.yaml'),
  /** The training job config (its warehouse, registry and runs folders are replaced by the loop's). */
  trainingConfig: z.string().min(1).default('examples/online-retail/training-job.yaml'),
  /** Local model registry folder. */
  registry: z.string().min(1).default('.fti/registry'),
  /** Local folder of tracked training runs. */
  runs: z.string().min(1).default('.fti/runs'),
});
export type LoopConfig = z.output<typeof LoopConfigSchema>;

/** Parses `--key value` / `--key=value` arguments into a validated config. */
export function parseArgs(argv: string[]): LoopConfig {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) throw new Error(`unexpected argument \`${arg}\`; use --key value`);
    const [key, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`--${key} needs a value`);
    raw[key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = value;
  }
  const parsed = LoopConfigSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`invalid arguments: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
