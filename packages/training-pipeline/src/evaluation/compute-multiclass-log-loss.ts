import { checkMulticlassInput } from './check-multiclass-input.js';
import { LOG_LOSS_EPS } from './compute-log-loss.js';
import type { MulticlassInput } from './multiclass-input.js';
import { weightedMean } from './weighted-mean.js';

/**
 * Multiclass cross-entropy in nats, as scikit-learn 1.2.1 `log_loss(y, P, labels=range(k))`: each
 * probability clipped to [eps, 1 − eps] (eps = 2.22e-16), each row renormalised to sum 1, weighted mean.
 */
export function computeMulticlassLogLoss(input: MulticlassInput): number {
  checkMulticlassInput(input);
  const { yTrue, yProba, numClasses: k } = input;
  const losses = new Float64Array(yTrue.length);
  for (let i = 0; i < yTrue.length; i++) {
    const base = i * k;
    let total = 0;
    for (let c = 0; c < k; c++) total += clip(yProba[base + c]!);
    losses[i] = -Math.log(clip(yProba[base + yTrue[i]!]!) / total);
  }
  return weightedMean(losses, input.sampleWeight);
}

function clip(p: number): number {
  return Math.min(Math.max(p, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
}
