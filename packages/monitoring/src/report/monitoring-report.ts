import { z } from 'zod';

const nullableNumber = z.number().nullable();
const methodSchema = z.enum(['ks', 'wasserstein', 'psi', 'chisquare', 'jensenshannon', 'ztest']);

/** One column's drift (see `ColumnDrift`). */
export const ColumnDriftSchema = z.object({
  column: z.string(),
  columnType: z.enum(['numeric', 'categorical']),
  status: z.enum(['ok', 'constant', 'empty-reference', 'empty-current']),
  method: methodSchema.nullable(),
  score: nullableNumber,
  statistic: nullableNumber,
  pValue: nullableNumber,
  threshold: nullableNumber,
  drifted: z.boolean(),
  reference: z.object({ count: z.number(), missingCount: z.number() }),
  current: z.object({ count: z.number(), missingCount: z.number() }),
});

/** Reference against current distribution of one column, for the HTML plots. */
export const DistributionSchema = z.discriminatedUnion('kind', [
  z.object({
    column: z.string(),
    kind: z.literal('numeric'),
    /** Reference histogram edges (n + 1). */
    edges: z.array(z.number()),
    reference: z.array(z.number()),
    /** Current rows per reference bin; values outside the reference range are counted in below/above. */
    current: z.array(z.number()),
    below: z.number(),
    above: z.number(),
  }),
  z.object({
    column: z.string(),
    kind: z.literal('categorical'),
    /** The most frequent categories of either side (up to 20), the rest summed in `other`. */
    categories: z.array(z.string()),
    reference: z.array(z.number()),
    current: z.array(z.number()),
    other: z.object({ reference: z.number(), current: z.number() }),
  }),
]);

const ColumnQualitySchema = z.object({
  column: z.string(),
  columnType: z.enum(['numeric', 'categorical']),
  rows: z.number(),
  missingShare: z.number(),
  outOfRangeCount: z.number(),
  outOfRangeShare: z.number(),
  unseenCategories: z.array(z.string()),
  unseenShare: z.number(),
  issues: z.array(z.string()),
});

/** Data-quality section (see `DataQuality`). */
export const DataQualitySchema = z.object({
  columns: z.array(ColumnQualitySchema),
  schema: z.object({
    added: z.array(z.string()),
    removed: z.array(z.string()),
    retyped: z.array(z.object({ column: z.string(), reference: z.string(), current: z.string() })),
    changed: z.boolean(),
  }),
  freshness: z
    .object({
      latest: z.string().nullable(),
      runAt: z.string(),
      ageHours: nullableNumber,
      maxAgeHours: z.number(),
      stale: z.boolean(),
    })
    .nullable(),
  volume: z.object({
    referenceRows: z.number(),
    currentRows: z.number(),
    ratio: nullableNumber,
    maxChange: z.number(),
    flagged: z.boolean(),
  }),
  issues: z.array(z.string()),
});

const metricName = z.enum([
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

/** Performance section: metrics on the labelled rows and their comparison with the registered ones. */
export const PerformanceSchema = z.object({
  task: z.enum(['binary', 'regression']),
  labelledRows: z.number(),
  unlabelledRows: z.number(),
  metrics: z.partialRecord(metricName, nullableNumber),
  comparisons: z.array(
    z.object({
      metric: metricName,
      baseline: z.number(),
      current: nullableNumber,
      drop: nullableNumber,
      rule: z.object({ maxDrop: z.number(), kind: z.enum(['absolute', 'relative']) }),
      degraded: z.boolean(),
    }),
  ),
  degraded: z.boolean(),
});

/** Fairness section (see `FairnessReport`). */
export const FairnessSchema = z.object({
  column: z.string(),
  groups: z.array(
    z.object({
      group: z.string(),
      rows: z.number(),
      selectionRate: z.number(),
      truePositiveRate: nullableNumber,
      falsePositiveRate: nullableNumber,
      positiveRate: z.number(),
    }),
  ),
  demographicParityDifference: z.number(),
  equalOpportunityDifference: nullableNumber,
  equalizedOddsDifference: nullableNumber,
  disparateImpactRatio: z.number(),
  fourFifthsRulePassed: z.boolean(),
  calibration: z
    .array(
      z.object({
        group: z.string(),
        rows: z.number(),
        meanPredicted: z.number(),
        observedRate: z.number(),
        gap: z.number(),
        bins: z.array(
          z.object({
            lower: z.number(),
            upper: z.number(),
            rows: z.number(),
            meanPredicted: z.number(),
            observedRate: z.number(),
          }),
        ),
      }),
    )
    .nullable(),
});

/** One past run as read back from the runs table, for trend charts. */
export const RunPointSchema = z.object({
  runId: z.string(),
  runAt: z.string(),
  datasetDriftShare: z.number(),
  datasetDrift: z.boolean(),
  qualityIssues: z.number(),
  currentRows: z.number(),
  /** Performance metrics of that run by name (JSON). */
  metrics: z.record(z.string(), nullableNumber),
});

/** What the retraining policy decided. */
export const RetrainDecisionSchema = z.object({
  fire: z.boolean(),
  reasons: z.array(z.string()),
  /** The process exit code the job uses for this decision (0, or `RETRAIN_EXIT_CODE`). */
  exitCode: z.number(),
  /** Object-store key of the retraining event, when one was written. */
  eventKey: z.string().nullable(),
});

/** Outcome of one delivery (an alert webhook, a Pushgateway push, a file). */
export const DeliverySchema = z.object({
  target: z.string(),
  status: z.enum(['sent', 'suppressed', 'failed', 'skipped']),
  attempts: z.number(),
  detail: z.string(),
});

/** The JSON report of one monitoring run: typed, validated before it is written. */
export const MonitoringReportSchema = z.object({
  version: z.literal(1),
  runId: z.string(),
  runAt: z.string(),
  /** Free-form labels, e.g. the job name and the model reference. */
  labels: z.record(z.string(), z.string()),
  reference: z.object({
    description: z.string(),
    rows: z.number(),
    /** For a model reference: the resolved version, its artifact checksum and whether the stored profile was reused. */
    model: z
      .object({
        model: z.string(),
        version: z.number(),
        alias: z.string().nullable(),
        split: z.string().nullable(),
        sha256: z.string(),
        profileKey: z.string(),
        reused: z.boolean(),
      })
      .optional(),
  }),
  current: z.object({ description: z.string(), rows: z.number() }),
  drift: z.object({
    columns: z.array(ColumnDriftSchema),
    dataset: z.object({
      evaluatedColumns: z.number(),
      driftedColumns: z.number(),
      share: z.number(),
      datasetDrift: z.boolean(),
      skippedColumns: z.array(z.string()),
    }),
  }),
  distributions: z.array(DistributionSchema),
  quality: DataQualitySchema,
  performance: PerformanceSchema.nullable(),
  fairness: FairnessSchema.nullable(),
  retrain: RetrainDecisionSchema,
  deliveries: z.array(DeliverySchema),
  /** Past runs, oldest first, ending with this one. */
  trend: z.array(RunPointSchema),
  /** Messages about what could not be done (empty windows, skipped columns, failed deliveries). */
  warnings: z.array(z.string()),
});

/** A monitoring run's report. */
export type MonitoringReport = z.infer<typeof MonitoringReportSchema>;
/** One reference/current distribution for plotting. */
export type Distribution = z.infer<typeof DistributionSchema>;
/** One past run for trends. */
export type RunPoint = z.infer<typeof RunPointSchema>;
/** The retraining decision of a run. */
export type RetrainDecision = z.infer<typeof RetrainDecisionSchema>;
/** One delivery outcome. */
export type Delivery = z.infer<typeof DeliverySchema>;
/** The performance section. */
export type PerformanceSection = z.infer<typeof PerformanceSchema>;
