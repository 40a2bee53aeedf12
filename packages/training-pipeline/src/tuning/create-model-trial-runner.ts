import type { DenseModel } from '@fti/model-runtime';
import { createModel } from '@fti/model-runtime';
import type { EpochMetrics } from '../train/train-model.js';
import { trainModel } from '../train/train-model.js';
import type { TrainingSet } from '../train/training-set.js';
import { applyParams, type ResolvedTrialConfig, type TrialConfig } from './apply-params.js';
import type { TrialInput, TrialOutcome } from './tune-hyperparameters.js';

/** A trial's state between rungs: its model so far and its resolved config. */
export interface ModelTrialState {
  model: DenseModel;
  config: ResolvedTrialConfig;
}

/** Options of {@link createModelTrialRunner}. */
export interface CreateModelTrialRunnerOptions {
  /** The model and train specs the search space's parameters are applied to. */
  base: TrialConfig;
  /** Preprocessed training rows (with class weights, if any). */
  train: TrainingSet;
  /** Rows scored after every epoch: early stopping and the trial's metric. */
  validation: TrainingSet;
  /** The trial metric: validation ROC AUC (binary, default) or validation loss. */
  metric?: 'valRocAuc' | 'valLoss';
  /** Called after every epoch of every trial (epochs numbered cumulatively over the rungs). */
  onEpoch?: (event: { trial: number; rung: number } & EpochMetrics) => void;
}

/**
 * A `runTrial` for {@link tuneHyperparameters} that trains fti dense models. The first rung creates the model
 * from the trial's seed; later rungs continue from the weights the previous rung returned (trainModel has no
 * resume, so this is a warm restart: Adam's moments start again from zero; the shuffle seed is the trial
 * seed plus the rung). The trial's metric is the restored best epoch's validation metric.
 */
export function createModelTrialRunner(
  options: CreateModelTrialRunnerOptions,
): (input: TrialInput<ModelTrialState>) => Promise<TrialOutcome<ModelTrialState>> {
  const metric = options.metric ?? 'valRocAuc';
  return async (input) => {
    const config = input.previous?.config ?? applyParams(options.base, input.params);
    const start =
      input.previous?.model ?? createModel(config.model, options.train.x.width, { seed: input.seed });
    const result = await trainModel(start, {
      train: options.train,
      validation: options.validation,
      spec: { ...config.train, epochs: input.epochs },
      seed: input.seed + input.rung,
      onEpoch: (m) => {
        options.onEpoch?.({ ...m, epoch: m.epoch + input.epochsDone, trial: input.trial, rung: input.rung });
      },
    });
    const history = result.history.map((m) => ({ ...m, epoch: m.epoch + input.epochsDone }));
    const best = result.history[result.bestEpoch - 1];
    const value = best?.[metric] ?? null;
    return {
      metric: value === null ? Number.NaN : value,
      state: { model: result.model, config },
      history,
    };
  };
}
