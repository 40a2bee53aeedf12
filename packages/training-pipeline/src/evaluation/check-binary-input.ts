import { InvalidInputError } from '../errors.js';
import type { BinaryInput } from './binary-input.js';
import { checkSampleWeight } from './check-sample-weight.js';

/**
 * Validates a binary input once at the boundary: equal non-zero lengths, labels in {0, 1}, finite scores,
 * finite non-negative weights. With `probabilities`, scores must also lie in [0, 1] (Brier, calibration).
 */
export function checkBinaryInput(input: BinaryInput, options: { probabilities?: boolean } = {}): void {
  const { yTrue, yScore } = input;
  if (yTrue.length === 0) throw new InvalidInputError('yTrue', 'is empty; metrics need at least one row');
  if (yScore.length !== yTrue.length)
    throw new InvalidInputError('yScore', `has ${yScore.length} rows but yTrue has ${yTrue.length}`);
  for (let i = 0; i < yTrue.length; i++) {
    if (yTrue[i]! > 1)
      throw new InvalidInputError('yTrue', `row ${i} is ${yTrue[i]}; binary labels must be 0 or 1`);
    const s = yScore[i]!;
    if (!Number.isFinite(s))
      throw new InvalidInputError(
        'yScore',
        `row ${i} is ${s}; scores must be finite (check the model output)`,
      );
    if (options.probabilities === true && (s < 0 || s > 1))
      throw new InvalidInputError('yScore', `row ${i} is ${s}; probabilities must lie in [0, 1]`);
  }
  checkSampleWeight(input.sampleWeight, yTrue.length);
}
