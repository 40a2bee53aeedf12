import { InvalidDefinitionError } from '../errors.js';
import { type ExtractSource, ExtractSourceSchema } from './source-config.js';

/**
 * Validates one source as written in config; a bad one throws {@link InvalidDefinitionError} naming the
 * source and the field at fault (`source \`events\` at path: ...`).
 */
export function parseExtractSource(input: unknown): ExtractSource {
  const result = ExtractSourceSchema.safeParse(input);
  if (result.success) return result.data;
  const name = (input as { name?: unknown } | null)?.name;
  const issue = result.error.issues[0];
  const path = issue?.path.length ? issue.path.join('.') : '(source)';
  throw new InvalidDefinitionError(
    `source ${typeof name === 'string' ? name : '(unnamed)'}`,
    path,
    issue?.message ?? 'invalid source',
    { cause: result.error },
  );
}
