import { z } from 'zod';

const tableName = z
  .string()
  .regex(
    /^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*$/,
    'a table as `namespace.name`, e.g. `retail.transactions`',
  );
const isoDate = z.iso.datetime({ offset: true }).or(z.iso.date());

/** Rows of a table whose `column` is in [from, to): a month, a week, a day of data. */
export const WindowSchema = z.strictObject({
  column: z.string().min(1),
  /** Inclusive start, ISO date or date-time (UTC). */
  from: isoDate,
  /** Exclusive end. */
  to: isoDate,
});

/**
 * Rows whose columns equal these values, e.g. `{ model_name: churn, model_version: 3 }` on a prediction log;
 * pushed into file pruning and the scan.
 */
export const RowFilterSchema = z.record(
  z.string().min(1),
  z.union([z.string(), z.number().refine(Number.isFinite, 'a finite number'), z.boolean()]),
);

/**
 * A feature-store table, at a snapshot (default current), optionally restricted to a time window and to rows
 * matching `filter`. A prediction log (one row per scored entity: the model's input columns, `score`,
 * `model_name`, `model_version`, `feature_date`, `scored_at`) is a table source like any other.
 */
export const TableSourceSchema = z.strictObject({
  kind: z.literal('table'),
  table: tableName,
  /** Snapshot id (decimal string); default the current snapshot. */
  snapshotId: z.string().regex(/^\d+$/).optional(),
  window: WindowSchema.optional(),
  /** Equality filter on columns; default every row. */
  filter: RowFilterSchema.optional(),
});

/**
 * The training set recorded in the model registry with a model version (`reference.parquet`, written at
 * registration by the training pipeline): resolved by alias or version, checksum-verified, profiled once and
 * stored under `monitoring/reference-profiles/<model>/v<version>/<sha256>/<split>.json`, so later runs of the
 * same version reuse the profile without reading the artifact again.
 */
export const ModelSourceSchema = z
  .strictObject({
    kind: z.literal('model'),
    model: z.string().min(1).describe('Registered model name.'),
    alias: z.string().min(1).optional().describe('Alias to resolve (`staging`); give this or `version`.'),
    version: z.number().int().positive().optional().describe('Version number; give this or `alias`.'),
    split: z
      .string()
      .min(1)
      .optional()
      .describe('Rows of one split only (`train`, `tuning`, `validation`); default every recorded row.'),
  })
  .refine((s) => (s.alias === undefined) !== (s.version === undefined), {
    message: 'give exactly one of `alias` (e.g. staging) or `version`',
  });

/** Reference profiles stored earlier (see `writeStoredProfile`): the reference data is not read again. */
export const ProfileSourceSchema = z.strictObject({
  kind: z.literal('profile'),
  /** Object-store key of the stored profile JSON. */
  key: z.string().min(1),
});

/**
 * Rows aggregated per day before monitoring (on both sides): `measures` are DuckDB SQL aggregates over the
 * rows, e.g. `{ rows: 'count(*)', revenue: 'sum(quantity * unit_price)' }`. Use it to watch volume-like
 * features of an event table.
 */
export const AggregateSchema = z.strictObject({
  timeColumn: z.string().min(1),
  every: z.literal('day').default('day'),
  measures: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), z.string().min(1)),
});

const methodSchema = z.enum(['ks', 'wasserstein', 'psi', 'chisquare', 'jensenshannon', 'ztest']);
const metricSchema = z.enum([
  'accuracy',
  'precision',
  'recall',
  'f1',
  'rocAuc',
  'r2',
  'logLoss',
  'brier',
  'mae',
  'rmse',
]);

/**
 * Prediction logs and labels (the inference pipeline writes the first, labels arrive later): joined on
 * entity key and prediction time. A prediction log table plugs in here without changing the rest.
 */
export const PerformanceConfigSchema = z.strictObject({
  task: z.enum(['binary', 'regression']),
  predictions: z.strictObject({
    table: tableName,
    keyColumn: z.string(),
    timeColumn: z.string(),
    /** Probability of the positive class (binary) or the predicted value (regression). */
    scoreColumn: z.string(),
    window: WindowSchema.optional(),
    /** Segment or sensitive column for fairness; default none. */
    segmentColumn: z.string().optional(),
  }),
  labels: z.strictObject({
    table: tableName,
    keyColumn: z.string(),
    /** The time of the prediction the label answers. */
    timeColumn: z.string(),
    labelColumn: z.string(),
  }),
  /** The model's registered metrics, e.g. `{ "rocAuc": 0.81, "brier": 0.12 }`. */
  baseline: z.partialRecord(metricSchema, z.number()),
  rules: z
    .partialRecord(
      metricSchema,
      z.strictObject({ maxDrop: z.number().nonnegative(), kind: z.enum(['absolute', 'relative']) }),
    )
    .optional(),
  /** Decision threshold for binary metrics and fairness; default 0.5. */
  threshold: z.number().min(0).max(1).default(0.5),
});

/** Configuration of one monitoring run, validated once at the boundary (JSON or YAML on disk). */
export const MonitoringConfigSchema = z.strictObject({
  /** Job name: labels, runs table rows, alert incidents. */
  job: z.string().regex(/^[A-Za-z0-9_.-]+$/),
  reference: z.discriminatedUnion('kind', [TableSourceSchema, ProfileSourceSchema, ModelSourceSchema]),
  current: TableSourceSchema,
  aggregate: AggregateSchema.optional(),
  /**
   * Columns to monitor; default every column of the reference except the time columns (for a model
   * reference: the model's input features and `score`).
   */
  columns: z.array(z.string()).optional(),
  /** Per-column overrides of the default drift method and threshold. */
  overrides: z
    .record(
      z.string(),
      z.strictObject({ method: methodSchema.optional(), threshold: z.number().positive().optional() }),
    )
    .default({}),
  /** Time column for freshness and window lengths; default the current window's column. */
  timeColumn: z.string().optional(),
  thresholds: z
    .strictObject({
      /** Share of drifted columns at which the dataset drifts; default 0.5. */
      driftShare: z.number().min(0).max(1).default(0.5),
      maxMissingShare: z.number().min(0).max(1).optional(),
      maxOutOfRangeShare: z.number().min(0).max(1).optional(),
      maxUnseenShare: z.number().min(0).max(1).optional(),
      maxAgeHours: z.number().positive().optional(),
      maxVolumeChange: z.number().positive().optional(),
    })
    .default({ driftShare: 0.5 }),
  performance: PerformanceConfigSchema.optional(),
  outputs: z
    .strictObject({
      /** Folder for `<job>-<run date>.json` and `.html`; default `.fti/monitoring`. */
      dir: z.string().default('.fti/monitoring'),
      /** Also keep the JSON report in the object store under `monitoring/reports/`; default true. */
      storeReport: z.boolean().default(true),
      /** Append the run to the `monitoring.runs` table (trends); default true. */
      runsTable: z.boolean().default(true),
      /** Write the reference profiles to this object-store key (reuse with `reference.kind: profile`). */
      saveReferenceProfile: z.string().optional(),
      prometheus: z
        .strictObject({
          /** node-exporter textfile path, ending in `.prom`. */
          textfile: z.string().endsWith('.prom').optional(),
          pushgateway: z.strictObject({ url: z.url(), job: z.string().optional() }).optional(),
        })
        .optional(),
    })
    .default({ dir: '.fti/monitoring', storeReport: true, runsTable: true }),
  alerts: z
    .strictObject({
      webhook: z.url(),
      /** Lowest severity that is sent; default `warning`. */
      minSeverity: z.enum(['info', 'warning', 'critical']).default('warning'),
      cooldownHours: z.number().nonnegative().default(6),
      retry: z
        .strictObject({
          attempts: z.number().int().positive().optional(),
          initialDelayMs: z.number().nonnegative().optional(),
          maxDelayMs: z.number().nonnegative().optional(),
        })
        .optional(),
    })
    .optional(),
  retrain: z
    .strictObject({
      maxDriftShare: z.number().min(0).max(1).optional(),
      onMetricDegradation: z.boolean().optional(),
      maxModelAgeDays: z.number().positive().optional(),
      /** When the model was trained (ISO), for the age rule. */
      modelTrainedAt: isoDate.optional(),
    })
    .optional(),
  /** Free-form labels added to the report and the metrics (e.g. `model: churn@3`). */
  labels: z.record(z.string(), z.string()).default({}),
});

/** A validated monitoring configuration. */
export type MonitoringConfig = z.infer<typeof MonitoringConfigSchema>;
/** A configuration as written in a file (defaults not applied yet). */
export type MonitoringConfigInput = z.input<typeof MonitoringConfigSchema>;
/** A table source of a configuration. */
export type TableSource = z.infer<typeof TableSourceSchema>;
/** A model reference source of a configuration. */
export type ModelSource = z.infer<typeof ModelSourceSchema>;
