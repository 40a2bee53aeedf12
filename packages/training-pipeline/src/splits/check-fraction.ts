import { InvalidInputError } from '../errors.js';

/** Throws unless `fraction` is strictly between 0 and 1. */
export function checkFraction(fraction: number): void {
  if (!(fraction > 0 && fraction < 1))
    throw new InvalidInputError(
      'validationFraction',
      `is ${fraction}; use a number strictly between 0 and 1`,
    );
}
