import type { z } from 'zod';
import { InvalidDefinitionError } from '../errors.js';

/**
 * Parses a definition with its zod schema; on failure throws {@link InvalidDefinitionError} naming the
 * definition (when its `name` is readable), the path of each issue and what is wrong.
 */
export function parseDefinitionInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const name =
    input !== null && typeof input === 'object' && typeof (input as { name?: unknown }).name === 'string'
      ? (input as { name: string }).name
      : '(unnamed)';
  const [first, ...more] = result.error.issues;
  const path = (issue: z.core.$ZodIssue): string =>
    issue.path
      .map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`))
      .join('')
      .replace(/^\./, '') || '(root)';
  const extra = more.length === 0 ? '' : `; and ${more.map((i) => `${path(i)}: ${i.message}`).join('; ')}`;
  throw new InvalidDefinitionError(
    name,
    first ? path(first) : '(root)',
    `${first?.message ?? 'invalid'}${extra}`,
    {
      cause: result.error,
    },
  );
}
