import { InvalidInputError } from '../errors.js';
import { checkSampleWeight } from './check-sample-weight.js';
import type { MulticlassInput } from './multiclass-input.js';

/** Validates a multiclass input: k >= 2, n × k probabilities, finite, labels in range, weights. */
export function checkMulticlassInput(input: MulticlassInput): void {
  const { yTrue, yProba, numClasses: k } = input;
  if (!Number.isInteger(k) || k < 2)
    throw new InvalidInputError('numClasses', `is ${k}; multiclass metrics need an integer >= 2`);
  if (yTrue.length === 0) throw new InvalidInputError('yTrue', 'is empty; metrics need at least one row');
  if (yProba.length !== yTrue.length * k)
    throw new InvalidInputError(
      'yProba',
      `has ${yProba.length} values; expected rows × numClasses = ${yTrue.length} × ${k}`,
    );
  for (let i = 0; i < yTrue.length; i++) {
    const y = yTrue[i]!;
    if (y < 0 || y >= k) throw new InvalidInputError('yTrue', `row ${i} is ${y}; classes are 0 .. ${k - 1}`);
  }
  for (let j = 0; j < yProba.length; j++)
    if (!Number.isFinite(yProba[j]!))
      throw new InvalidInputError('yProba', `row ${Math.floor(j / k)} holds ${yProba[j]}; must be finite`);
  checkSampleWeight(input.sampleWeight, yTrue.length);
}
