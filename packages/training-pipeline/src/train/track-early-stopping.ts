import type { EarlyStoppingSpec } from './train-spec.js';

/** Follows the monitored validation metric across epochs and keeps the best epoch's weights. */
export interface EarlyStoppingTracker {
  /** Records an epoch; `'stop'` once `patience` epochs in a row (at least one) brought no improvement above minDelta, as Keras. */
  observe(
    metrics: { epoch: number; valLoss: number | null; valRocAuc: number | null },
    parameters: Float32Array,
  ): 'stop' | 'continue';
  /** The best epoch so far and a copy of its weights, or undefined before any epoch had the metric. */
  best(): { epoch: number; value: number; parameters: Float32Array } | undefined;
}

/** An early-stopping tracker for `spec` over `size` parameters. */
export function trackEarlyStopping(spec: EarlyStoppingSpec, size: number): EarlyStoppingTracker {
  const sign = spec.monitor === 'valLoss' ? 1 : -1;
  let best: { epoch: number; value: number; parameters: Float32Array } | undefined;
  let waited = 0;
  return {
    observe(metrics, parameters) {
      const value = metrics[spec.monitor];
      if (value === null || Number.isNaN(value)) {
        waited += 1;
      } else if (!best || sign * (best.value - value) > spec.minDelta) {
        best = { epoch: metrics.epoch, value, parameters: best?.parameters ?? new Float32Array(size) };
        best.parameters.set(parameters);
        waited = 0;
      } else waited += 1;
      return waited > 0 && waited >= spec.patience ? 'stop' : 'continue';
    },
    best: () => best,
  };
}
