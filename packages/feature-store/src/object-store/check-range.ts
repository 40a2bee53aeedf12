import { InvalidInputError } from '../errors.js';

/** Rejects a negative or non-integer byte range of `key` with an {@link InvalidInputError}. */
export function checkRange(key: string, offset: number, length: number): void {
  if (!Number.isSafeInteger(offset) || offset < 0 || !Number.isSafeInteger(length) || length < 0) {
    throw new InvalidInputError(
      `byte range of \`${key}\` must be non-negative integers, got offset ${offset} and length ${length}`,
    );
  }
}
