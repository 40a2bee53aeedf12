import type { BinaryInput } from './binary-input.js';
import { checkBinaryInput } from './check-binary-input.js';
import { weightedMean } from './weighted-mean.js';

/** Clipping bound of scikit-learn 1.2's `log_loss(eps="auto")` for float64 input: `np.finfo(float64).eps`. */
export const LOG_LOSS_EPS = Number.EPSILON;

/**
 * Binary cross-entropy in nats, as scikit-learn 1.2.1 `log_loss(y, p, labels=[0, 1])`: p clipped to
 * [eps, 1 − eps] with eps = 2.22e-16 (1.2's `"auto"` default; older releases used 1e-15), the pair
 * (1 − p, p) renormalised, weighted mean over rows. Both classes are always known, so a one-class `yTrue`
 * is fine here (scikit-learn raises unless `labels` is passed).
 */
export function computeLogLoss(input: BinaryInput): number {
  checkBinaryInput(input);
  const { yTrue, yScore } = input;
  const losses = new Float64Array(yTrue.length);
  for (let i = 0; i < yTrue.length; i++) {
    const p = Math.min(Math.max(yScore[i]!, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
    const q = 1 - p;
    const total = q + p;
    losses[i] = -Math.log((yTrue[i] === 1 ? p : q) / total);
  }
  return weightedMean(losses, input.sampleWeight);
}
