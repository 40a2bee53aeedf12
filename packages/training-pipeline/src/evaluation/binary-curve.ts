import { argsortDescending } from './argsort-descending.js';
import type { BinaryInput } from './binary-input.js';

/**
 * Cumulative (weighted) true and false positives when predicting positive for `score >= thresholds[i]`,
 * one point per distinct score, thresholds descending: scikit-learn's `_binary_clf_curve`, ties grouped
 * into one point, zero-weight rows dropped.
 */
export interface BinaryCurve {
  thresholds: Float64Array;
  tps: Float64Array;
  fps: Float64Array;
  /** Total positive weight (`tps` at the last point). */
  positives: number;
  /** Total negative weight (`fps` at the last point). */
  negatives: number;
}

/** Builds the {@link BinaryCurve} of a validated input in O(n log n). */
export function buildBinaryCurve(input: BinaryInput): BinaryCurve {
  const { yTrue, yScore, sampleWeight } = input;
  const order = argsortDescending(yScore);
  const thresholds = new Float64Array(order.length);
  const tps = new Float64Array(order.length);
  const fps = new Float64Array(order.length);
  let tp = 0;
  let fp = 0;
  let points = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const w = sampleWeight === undefined ? 1 : sampleWeight[i]!;
    if (w === 0) continue;
    if (yTrue[i] === 1) tp += w;
    else fp += w;
    const score = yScore[i]!;
    if (points > 0 && thresholds[points - 1] === score) {
      tps[points - 1] = tp;
      fps[points - 1] = fp;
    } else {
      thresholds[points] = score;
      tps[points] = tp;
      fps[points] = fp;
      points++;
    }
  }
  return {
    thresholds: thresholds.slice(0, points),
    tps: tps.slice(0, points),
    fps: fps.slice(0, points),
    positives: tp,
    negatives: fp,
  };
}
