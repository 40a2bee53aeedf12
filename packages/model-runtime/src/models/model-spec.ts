import { z } from 'zod';

/** Hidden-layer activations an MLP may use. */
export const ActivationSchema = z.enum(['relu', 'tanh', 'sigmoid']);
/** A hidden-layer activation: `relu`, `tanh` or `sigmoid` (logistic). */
export type Activation = z.infer<typeof ActivationSchema>;

/** What a model predicts: P(y = 1), a distribution over `numClasses` classes, or a real value. */
export const TaskSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('binary') }),
  z.object({ kind: z.literal('multiclass'), numClasses: z.int().min(3).max(10_000) }),
  z.object({ kind: z.literal('regression') }),
]);
/** What a model predicts (see {@link TaskSchema}). */
export type Task = z.infer<typeof TaskSchema>;

// Keras-style L2: the penalty l2 · Σ w² over kernel weights (not biases) is added to the mean loss.
const l2 = z.number().min(0).max(1).default(0);

/** Logistic regression: one dense layer, sigmoid (binary) or softmax (multiclass) output. */
export const LogisticRegressionSpecSchema = z.object({
  kind: z.literal('logistic-regression'),
  task: TaskSchema.refine((task) => task.kind !== 'regression', {
    message: 'logistic regression classifies; use linear-regression for a regression task',
  }),
  /** L2 penalty on the weights; default 0. */
  l2,
});

/** Linear regression: one dense layer with a linear output, fitted on squared error. */
export const LinearRegressionSpecSchema = z.object({
  kind: z.literal('linear-regression'),
  /** L2 penalty on the weights (ridge); default 0. */
  l2,
});

/** Multi-layer perceptron: dense hidden layers, then the task's output layer. */
export const MlpSpecSchema = z.object({
  kind: z.literal('mlp'),
  task: TaskSchema,
  /** Units of each hidden layer, input side first, e.g. `[64, 32]`. */
  hiddenLayers: z.array(z.int().min(1).max(65_536)).min(1).max(16).readonly(),
  /** Hidden activation; default `relu`. */
  activation: ActivationSchema.default('relu'),
  /** Fraction of each hidden layer's units dropped per training step (inverted dropout); default 0. */
  dropout: z.number().min(0).lt(1).default(0),
  /** L2 penalty on the kernel weights; default 0. */
  l2,
});

/** A model, declared as plain serialisable data; `createModel` turns it into weights. */
export const ModelSpecSchema = z.discriminatedUnion('kind', [
  LogisticRegressionSpecSchema,
  LinearRegressionSpecSchema,
  MlpSpecSchema,
]);
/** A validated model spec (defaults filled in). */
export type ModelSpec = z.infer<typeof ModelSpecSchema>;
/** A model spec as written by a user (defaults optional). */
export type ModelSpecInput = z.input<typeof ModelSpecSchema>;
