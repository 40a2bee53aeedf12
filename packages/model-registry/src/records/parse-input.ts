import type { z } from 'zod';
import { InvalidModelInputError } from '../errors.js';

/**
 * Parses caller input with `schema`; on failure throws {@link InvalidModelInputError} naming the first bad
 * field (`artifacts.1.path`) and what to fix.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue === undefined || issue.path.length === 0 ? what : `${what}.${issue.path.join('.')}`;
  throw new InvalidModelInputError(`invalid \`${field}\`: ${issue?.message ?? 'does not parse'}`, field, {
    cause: result.error,
  });
}
