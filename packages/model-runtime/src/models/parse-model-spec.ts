import { InvalidInputError } from '../errors.js';
import { type ModelSpec, type ModelSpecInput, ModelSpecSchema } from './model-spec.js';

/** Validates a model spec (from a config file, a search space sample, ...) and fills in its defaults. */
export function parseModelSpec(input: ModelSpecInput | unknown): ModelSpec {
  const parsed = ModelSpecSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(
    (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
  );
  throw new InvalidInputError('spec', `is not a valid model spec: ${problems.join('; ')}`, {
    cause: parsed.error,
  });
}
