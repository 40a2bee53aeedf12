import { z } from 'zod';

/** Adam (Kingma & Ba), with the bias correction folded into the step size as in scikit-learn. */
export const AdamSpecSchema = z.object({
  kind: z.literal('adam'),
  /** Step size; default 0.001. */
  learningRate: z.number().positive().default(0.001),
  /** Decay of the first-moment estimate; default 0.9. */
  beta1: z.number().min(0).lt(1).default(0.9),
  /** Decay of the second-moment estimate; default 0.999. */
  beta2: z.number().min(0).lt(1).default(0.999),
  /** Added to √v; default 1e-8. */
  epsilon: z.number().positive().default(1e-8),
});

/** Stochastic gradient descent with optional (Nesterov) momentum. */
export const SgdSpecSchema = z.object({
  kind: z.literal('sgd'),
  /** Step size; default 0.01. */
  learningRate: z.number().positive().default(0.01),
  /** Momentum; default 0 (plain SGD). */
  momentum: z.number().min(0).lt(1).default(0),
  /** Nesterov's variant of momentum; default false. */
  nesterov: z.boolean().default(false),
});

/** The optimizer of a training run. */
export const OptimizerSpecSchema = z.discriminatedUnion('kind', [AdamSpecSchema, SgdSpecSchema]);
/** The optimizer of a training run (see {@link OptimizerSpecSchema}). */
export type OptimizerSpec = z.infer<typeof OptimizerSpecSchema>;

/** Stop when the validation metric has not improved for `patience` epochs, then restore the best weights. */
export const EarlyStoppingSpecSchema = z.object({
  /** Validation metric watched: `valLoss` (lower is better) or `valRocAuc` (higher; binary only). Default `valLoss`. */
  monitor: z.enum(['valLoss', 'valRocAuc']).default('valLoss'),
  /** Epochs without improvement tolerated before stopping; default 5. */
  patience: z.int().min(0).default(5),
  /** Smallest change that counts as an improvement; default 0. */
  minDelta: z.number().min(0).default(0),
  /** Put back the weights of the best epoch when training ends; default true. */
  restoreBestWeights: z.boolean().default(true),
});
/** Early-stopping rule (see {@link EarlyStoppingSpecSchema}). */
export type EarlyStoppingSpec = z.infer<typeof EarlyStoppingSpecSchema>;

/** How to train: plain serialisable data, recorded with the run. */
export const TrainSpecSchema = z.object({
  /** Passes over the training rows; default 10. */
  epochs: z.int().min(1).max(100_000).default(10),
  /** Rows per gradient step (the last batch of an epoch may be smaller); default 512. */
  batchSize: z.int().min(1).max(1_048_576).default(512),
  /** Default Adam with its defaults. */
  optimizer: OptimizerSpecSchema.default({
    kind: 'adam',
    learningRate: 0.001,
    beta1: 0.9,
    beta2: 0.999,
    epsilon: 1e-8,
  }),
  /** Early stopping on the validation split; default none (train all epochs). Needs `validation` rows. */
  earlyStopping: EarlyStoppingSpecSchema.optional(),
});
/** A validated training spec (defaults filled in). */
export type TrainSpec = z.infer<typeof TrainSpecSchema>;
/** A training spec as written by a user (defaults optional). */
export type TrainSpecInput = z.input<typeof TrainSpecSchema>;
