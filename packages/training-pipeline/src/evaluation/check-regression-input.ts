import { InvalidInputError } from '../errors.js';
import { checkSampleWeight } from './check-sample-weight.js';
import type { RegressionInput } from './regression-input.js';

/** Validates a regression input: equal non-zero lengths, finite values, valid weights. */
export function checkRegressionInput(input: RegressionInput): void {
  const { yTrue, yPred } = input;
  if (yTrue.length === 0) throw new InvalidInputError('yTrue', 'is empty; metrics need at least one row');
  if (yPred.length !== yTrue.length)
    throw new InvalidInputError('yPred', `has ${yPred.length} rows but yTrue has ${yTrue.length}`);
  for (let i = 0; i < yTrue.length; i++) {
    if (!Number.isFinite(yTrue[i]!))
      throw new InvalidInputError('yTrue', `row ${i} is ${yTrue[i]}; must be finite`);
    if (!Number.isFinite(yPred[i]!))
      throw new InvalidInputError('yPred', `row ${i} is ${yPred[i]}; must be finite`);
  }
  checkSampleWeight(input.sampleWeight, yTrue.length);
}
