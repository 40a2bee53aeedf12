import type { z } from 'zod';
import { InvalidInputError } from '../errors.js';

/**
 * Validates `input` against a definition schema and returns the parsed value, or throws an
 * {@link InvalidInputError} whose message names the definition, the offending field path
 * (`features[2].type`) and what is wrong with it.
 */
export function parseDefinition<T extends z.ZodType>(
  schema: T,
  input: unknown,
  /** What is being defined, for the message, e.g. ``feature view `customer_spend` ``. */
  what: string,
): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue ? formatPath(issue.path) : '';
  const message = issue?.message ?? 'is invalid';
  throw new InvalidInputError(`${what}: ${path || 'definition'} ${message}`, path || undefined, {
    cause: result.error,
  });
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}
