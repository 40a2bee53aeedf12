import { z } from 'zod';

const Metrics = z.record(z.string(), z.number());
const ParamValue = z.union([z.number(), z.string(), z.boolean(), z.null(), z.array(z.number())]);

/** A trial as stored in `run.json` (its per-epoch metrics live in `metrics.json`). */
export const TrialSummarySchema = z.strictObject({
  trial: z.int().min(0),
  params: z.record(z.string(), ParamValue),
  seed: z.int(),
  /** Objective at the end of each rung reached: `{ rung, epochs, metric }`. */
  rungs: z.array(z.strictObject({ rung: z.int(), epochs: z.int(), metric: z.number().nullable() })),
  finalMetric: z.number().nullable(),
  status: z.enum(['completed', 'stopped']),
});
/** A trial as stored in `run.json`. */
export type TrialSummary = z.infer<typeof TrialSummarySchema>;

/** Version of the `run.json` format. */
export const RUN_RECORD_FORMAT = 1;

/**
 * Everything one training run records: its config, code and runtime, lineage, trials, final metrics,
 * artifacts and the registered model. Stored as `runs/<runId>/run.json`.
 */
export const RunRecordSchema = z.strictObject({
  formatVersion: z.literal(RUN_RECORD_FORMAT),
  runId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, `.`, `_`, `-`'),
  /** The model name the run trains. */
  name: z.string().min(1),
  status: z.enum(['completed', 'failed']),
  startedAtMs: z.int().nonnegative(),
  finishedAtMs: z.int().nonnegative(),
  /** Git commit of the code, passed in by the app; null when unknown. */
  gitCommit: z.string().nullable(),
  backend: z.strictObject({ name: z.string(), version: z.string() }).nullable(),
  /** `node`, `@tensorflow/tfjs-core`, … */
  libraryVersions: z.record(z.string(), z.string()),
  /** The validated job config (dataset, split, preprocessing, model, search space, tuning, gate). */
  params: z.record(z.string(), z.unknown()),
  lineage: z
    .strictObject({
      sources: z.array(
        z.strictObject({
          kind: z.enum(['feature-view', 'table']),
          name: z.string(),
          version: z.int().optional(),
          table: z.string(),
          snapshotId: z.string().nullable(),
        }),
      ),
      features: z.array(z.string()),
      spineHash: z.string(),
      rows: z.strictObject({ train: z.int(), validation: z.int() }),
    })
    .nullable(),
  trials: z.array(TrialSummarySchema),
  /** The winning trial's number, when tuning finished. */
  bestTrial: z.int().nullable(),
  /** Validation metrics of the final model (`roc_auc`, `log_loss`, …). */
  metrics: Metrics,
  artifacts: z.array(z.strictObject({ path: z.string(), sha256: z.string(), size: z.int() })),
  model: z
    .strictObject({
      name: z.string(),
      version: z.int(),
      /** Alias the gate moved (`staging`), or null when refused. */
      alias: z.string().nullable(),
      gate: z.strictObject({ passed: z.boolean(), reasons: z.array(z.string()) }),
    })
    .nullable(),
  /** Why the run failed. */
  error: z.string().nullable(),
});
/** The record of one training run. */
export type RunRecord = z.infer<typeof RunRecordSchema>;

/** One epoch of one trial, as stored in `runs/<runId>/metrics.json`. */
export interface EpochLogEntry {
  trial: number;
  rung: number;
  epoch: number;
  loss: number;
  valLoss: number | null;
  valRocAuc: number | null;
}
