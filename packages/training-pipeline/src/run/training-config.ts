import { ModelSpecSchema } from '@fti/model-runtime';
import { z } from 'zod';
import { DatasetSpecSchema } from '../dataset/dataset-spec.js';
import { SplitSpecSchema } from '../dataset/split-spec.js';
import { InvalidInputError } from '../errors.js';
import { TrainSpecSchema } from '../train/train-spec.js';
import { SearchSpaceSchema } from '../tuning/search-space.js';
import { PreprocessorSpecSchema } from './preprocessor-spec-schema.js';

/** A gate check: a bound on one of the candidate's validation metrics. */
const GateCheckSchema = z.strictObject({
  metric: z.string().min(1),
  min: z.number().optional(),
  max: z.number().optional(),
});

/**
 * A training job, declared: the dataset, how to split and preprocess it, the model and its training spec,
 * the search space and budget, how to evaluate, and the promotion gate. Plain data (YAML or JSON on disk).
 */
export const TrainingConfigSchema = z.strictObject({
  /** Registered model name (`customer-buys-90d`). */
  name: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, `.`, `_`, `-`'),
  /** What the model is for; goes into the model card. */
  description: z.string().default(''),
  dataset: DatasetSpecSchema,
  /** Train vs validation (the honest evaluation); default time-based is what forward-looking labels need. */
  split: SplitSpecSchema,
  /**
   * Split of the training rows into rows to fit and rows for early stopping, trial selection and the
   * threshold; the validation split is never seen before the final evaluation. Default stratified 20 %.
   */
  tuningSplit: SplitSpecSchema.default({ kind: 'stratified', validationFraction: 0.2, seed: 0 }),
  /** Fitted on the training split only, saved as `preprocessing.json` with the model. */
  preprocessing: PreprocessorSpecSchema,
  model: ModelSpecSchema,
  /** Training spec (epochs are set by the halving budget). */
  train: TrainSpecSchema.default(TrainSpecSchema.parse({})),
  /** Parameters to tune, by path (`train.optimizer.learningRate`); default none (trials differ by seed). */
  searchSpace: SearchSpaceSchema.default({}),
  tuning: z
    .strictObject({
      /** Random-search trials; default 6. */
      trials: z.int().min(1).max(10_000).default(6),
      /** Seed of the search, the splits' shuffles and the models; default 0. */
      seed: z.int().default(0),
      /** Successive-halving rungs by epochs; default 2 → 12 epochs, η = 3. */
      halving: z
        .strictObject({
          minEpochs: z.int().min(1).default(2),
          maxEpochs: z.int().min(1).default(12),
          eta: z.number().min(2).default(3),
        })
        .default({ minEpochs: 2, maxEpochs: 12, eta: 3 }),
      /** Trials trained at once; default 1 (sequential: trials share one JS thread). */
      concurrency: z.int().min(1).default(1),
    })
    .default({ trials: 6, seed: 0, halving: { minEpochs: 2, maxEpochs: 12, eta: 3 }, concurrency: 1 }),
  /** `balanced` weighs each class's rows so both classes carry the same total weight; default `none`. */
  classWeights: z.enum(['balanced', 'none']).default('none'),
  evaluation: z
    .strictObject({
      /** A string feature to report metrics per value of (e.g. `country`); default none. */
      segmentColumn: z.string().optional(),
      /** Segments with fewer validation rows are left out of the per-segment report; default 50. */
      minSegmentRows: z.int().min(1).default(50),
      /** How the decision threshold is chosen on the tuning rows; default max F1. */
      threshold: z
        .discriminatedUnion('kind', [
          z.strictObject({ kind: z.literal('f1') }),
          z.strictObject({
            kind: z.literal('cost'),
            falsePositiveCost: z.number().min(0),
            falseNegativeCost: z.number().min(0),
          }),
        ])
        .default({ kind: 'f1' }),
    })
    .default({ minSegmentRows: 50, threshold: { kind: 'f1' } }),
  /**
   * The training set recorded with the model as `reference.parquet` (raw input features, label, `split`,
   * the model's `score`): what monitoring compares served data against. Above `maxRows` (default 100,000)
   * a seeded sample proportional to each split is kept (`seed`, default 0).
   */
  reference: z
    .strictObject({
      maxRows: z.int().min(1).default(100_000),
      seed: z.int().default(0),
    })
    .default({ maxRows: 100_000, seed: 0 }),
  gate: z
    .strictObject({
      /** Alias moved when the gate passes; default `staging`. */
      alias: z.string().min(1).default('staging'),
      /** Metric the candidate must beat the alias's current model on; default `roc_auc`. */
      metric: z.string().min(1).default('roc_auc'),
      /** Required improvement; default 0 (strictly better). */
      margin: z.number().min(0).default(0),
      /** Absolute bounds the candidate must meet, e.g. `{ metric: roc_auc, min: 0.7 }`. */
      checks: z.array(GateCheckSchema).default([]),
    })
    .default({ alias: 'staging', metric: 'roc_auc', margin: 0, checks: [] }),
});
/** A validated training job config. */
export type TrainingConfig = z.output<typeof TrainingConfigSchema>;
/** A training job config as written by a user (defaults optional). */
export type TrainingConfigInput = z.input<typeof TrainingConfigSchema>;

/**
 * Validates a training job config.
 * @throws InvalidInputError (`config`) listing every problem with its path (`tuning.halving.eta: …`).
 */
export function parseTrainingConfig(input: unknown): TrainingConfig {
  const parsed = TrainingConfigSchema.safeParse(input);
  if (!parsed.success)
    throw new InvalidInputError('config', `is invalid:\n${z.prettifyError(parsed.error)}`, {
      cause: parsed.error,
    });
  return parsed.data;
}
