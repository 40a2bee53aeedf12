import { InvalidInputError } from '../errors.js';
import { type TrainSpec, type TrainSpecInput, TrainSpecSchema } from './train-spec.js';

/** Validates a training spec and fills in its defaults. */
export function parseTrainSpec(input: TrainSpecInput | unknown): TrainSpec {
  const parsed = TrainSpecSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(
    (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
  );
  throw new InvalidInputError('spec', `is not a valid training spec: ${problems.join('; ')}`, {
    cause: parsed.error,
  });
}
