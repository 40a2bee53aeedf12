import type { BinaryInput } from './binary-input.js';
import { checkBinaryInput } from './check-binary-input.js';

/** Brier score (weighted mean squared error of the probability), as scikit-learn `brier_score_loss`. */
export function computeBrierScore(input: BinaryInput): number {
  checkBinaryInput(input, { probabilities: true });
  const { yTrue, yScore, sampleWeight } = input;
  let sum = 0;
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const d = yTrue[i]! - yScore[i]!;
    const w = sampleWeight === undefined ? 1 : sampleWeight[i]!;
    sum += d * d * w;
    total += w;
  }
  return sum / total;
}
