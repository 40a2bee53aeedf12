import type { SelectedBackend } from '@fti/model-runtime';
import { createMulberry32, type DenseModel, parseModelSpec, selectBackend, taskOf } from '@fti/model-runtime';
import * as tf from '@tensorflow/tfjs-core';
import { InvalidInputError } from '../errors.js';
import { shuffleInPlace } from '../random/shuffle-in-place.js';
import { sumBatchLoss } from './accumulate-loss.js';
import { createBatchBuffers, fillBatch } from './batch-buffers.js';
import { checkTrainingSet } from './check-training-set.js';
import { computeGradients } from './compute-gradients.js';
import { createOptimizer } from './create-optimizer.js';
import { evaluateValidation } from './evaluate-validation.js';
import { createFlatParameters, toDenseModel } from './flat-parameters.js';
import { parseTrainSpec } from './parse-train-spec.js';
import { type EarlyStoppingTracker, trackEarlyStopping } from './track-early-stopping.js';
import type { TrainSpec, TrainSpecInput } from './train-spec.js';
import type { TrainingSet } from './training-set.js';

/** Metrics of one epoch, passed to `onEpoch` and kept in the history. */
export interface EpochMetrics {
  /** 1-based epoch number. */
  epoch: number;
  /** Sample-weighted mean training loss over the epoch's batches, each measured before its update. */
  loss: number;
  /** Validation loss (see `ValidationMetrics`); null without validation rows. */
  valLoss: number | null;
  /** Validation ROC AUC (binary only); null otherwise. */
  valRocAuc: number | null;
}

/** Options of {@link trainModel}. */
export interface TrainModelOptions {
  /** Rows to fit. */
  train: TrainingSet;
  /** Rows scored after every epoch (metrics, early stopping); default none. */
  validation?: TrainingSet;
  /** Epochs, batch size, optimizer, early stopping; defaults as in `TrainSpecSchema`. */
  spec?: TrainSpecInput;
  /** Seed of the per-epoch shuffles and dropout masks (initial weights come from `createModel`'s seed). */
  seed: number;
  /** Called after every epoch; return `'stop'` to end training there (the best weights are still restored). */
  // biome-ignore lint/suspicious/noConfusingVoidType: callers pass plain callbacks that return nothing.
  onEpoch?: (metrics: EpochMetrics) => void | 'stop' | Promise<void | 'stop'>;
}

/** What {@link trainModel} returns. */
export interface TrainResult {
  /** The trained model (a new object; the input model is unchanged). */
  model: DenseModel;
  /** One entry per epoch run. */
  history: EpochMetrics[];
  /** Epoch whose weights `model` holds (1-based): the best one under early stopping, else the last. */
  bestEpoch: number;
  /** True when early stopping (or `onEpoch`) ended training before `spec.epochs`. */
  stoppedEarly: boolean;
  /** Gradient steps taken. */
  steps: number;
  /** The validated spec, defaults filled in, as recorded with the run. */
  spec: TrainSpec;
  /** The tfjs backend that ran it. */
  backend: SelectedBackend;
}

/**
 * Trains a model with mini-batch Adam or SGD in a hand-written loop built for low per-step overhead:
 * a seeded shuffle per epoch, batches gathered in JS and uploaded in one copy, forward and backward as a
 * dozen tfjs kernels inside `tf.tidy` (see `computeGradients`), the update applied in JS on one flat
 * parameter array. Sample weights (class weights) scale each row's loss. Early stopping watches the
 * validation split and restores the best epoch's weights. Deterministic: the same model, data, spec and
 * seed give bit-identical weights on the same backend. Leaves no tensors behind.
 */
export async function trainModel(model: DenseModel, options: TrainModelOptions): Promise<TrainResult> {
  const backend = await selectBackend();
  const spec = parseTrainSpec(options.spec ?? {});
  parseModelSpec(model.spec);
  const task = taskOf(model.spec);
  const { train, validation } = options;
  checkTrainingSet(train, 'train', task, model.inputWidth);
  if (validation) checkTrainingSet(validation, 'validation', task, model.inputWidth);
  if (spec.earlyStopping && !validation)
    throw new InvalidInputError(
      'validation',
      'is required when earlyStopping is set; pass the validation split',
    );
  if (spec.earlyStopping?.monitor === 'valRocAuc' && task.kind !== 'binary')
    throw new InvalidInputError(
      'spec.earlyStopping.monitor',
      `is valRocAuc but the task is ${task.kind}; use valLoss`,
    );

  const { layers } = model;
  const l2 = model.spec.l2;
  const dropout = model.spec.kind === 'mlp' ? model.spec.dropout : 0;
  const outputs = layers[layers.length - 1]!.units;
  const batchSize = Math.min(spec.batchSize, train.x.rows);
  const parameters = createFlatParameters(layers, layers);
  const gradients = createFlatParameters(layers);
  const optimizer = createOptimizer(spec.optimizer, parameters.values.length);
  const batch = createBatchBuffers(batchSize, model.inputWidth, outputs);
  const predictions = new Float32Array(batchSize * outputs);
  const shuffleRandom = createMulberry32(options.seed);
  const dropoutRandom = createMulberry32(options.seed ^ 0x5bd1e995);
  const dropoutMasks =
    dropout > 0 ? layers.slice(0, -1).map((layer) => new Float32Array(batchSize * layer.units)) : undefined;
  const order = Uint32Array.from({ length: train.x.rows }, (_, i) => i);
  const tracker: EarlyStoppingTracker | undefined = spec.earlyStopping
    ? trackEarlyStopping(spec.earlyStopping, parameters.values.length)
    : undefined;
  const history: EpochMetrics[] = [];
  const ones = tf.ones([1, batchSize]) as tf.Tensor2D;
  let steps = 0;
  let stoppedEarly = false;
  try {
    for (let epoch = 1; epoch <= spec.epochs; epoch++) {
      shuffleInPlace(order, shuffleRandom);
      let lossSum = 0;
      let weightSum = 0;
      for (let start = 0; start < train.x.rows; start += batchSize) {
        const rows = Math.min(batchSize, train.x.rows - start);
        fillBatch(batch, train, task, order, start, rows);
        if (dropoutMasks) fillDropoutMasks(dropoutMasks, layers, rows, dropout, dropoutRandom);
        computeGradients(
          { layers, parameters, gradients, predictions, ones, ...(dropoutMasks ? { dropoutMasks } : {}) },
          batch,
        );
        if (l2 > 0) addL2(parameters, gradients, l2);
        optimizer.step(parameters.values, gradients.values);
        steps += 1;
        lossSum += sumBatchLoss(task, batch, predictions);
        for (let r = 0; r < rows; r++) weightSum += batch.weight[r]!;
      }
      const metrics: EpochMetrics = {
        epoch,
        loss: weightSum > 0 ? lossSum / weightSum : 0,
        valLoss: null,
        valRocAuc: null,
      };
      if (validation)
        Object.assign(metrics, evaluateValidation(toDenseModel(model, parameters.values), validation));
      history.push(metrics);
      const verdict = tracker?.observe(metrics, parameters.values);
      const requested = await options.onEpoch?.(metrics);
      if (verdict === 'stop' || requested === 'stop') {
        stoppedEarly = epoch < spec.epochs;
        break;
      }
    }
  } finally {
    ones.dispose();
  }
  const best = spec.earlyStopping?.restoreBestWeights ? tracker?.best() : undefined;
  return {
    model: toDenseModel(model, best ? best.parameters : parameters.values),
    history,
    bestEpoch: best ? best.epoch : history.length,
    stoppedEarly,
    steps,
    spec,
    backend,
  };
}

/** Keras-style L2: the penalty l2 · Σ w² adds 2 · l2 · w to each kernel weight's gradient. */
function addL2(
  parameters: { values: Float32Array; isKernel: Uint8Array },
  gradients: { values: Float32Array },
  l2: number,
): void {
  const { values, isKernel } = parameters;
  const g = gradients.values;
  for (let i = 0; i < values.length; i++) if (isKernel[i] === 1) g[i] = g[i]! + 2 * l2 * values[i]!;
}

/** Inverted dropout: each hidden unit of each row is kept with probability 1 − rate and scaled by 1/(1 − rate). */
function fillDropoutMasks(
  masks: Float32Array[],
  layers: DenseModel['layers'],
  rows: number,
  rate: number,
  random: () => number,
): void {
  const keep = 1 / (1 - rate);
  masks.forEach((mask, l) => {
    const size = rows * layers[l]!.units;
    for (let i = 0; i < size; i++) mask[i] = random() < rate ? 0 : keep;
  });
}
