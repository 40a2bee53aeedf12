import { type FeatureSetDefinition, FeatureSetDefinitionSchema } from './feature-set-definition.js';
import { parseDefinitionInput } from './parse-definition-input.js';
import { resolveFeatureSet } from './resolve-feature-set.js';

/**
 * Validates a feature set definition (plain data, e.g. from JSON or an example module) once, at the
 * boundary: its shape (zod, defaults applied) and its meaning (see {@link resolveFeatureSet}). Throws
 * {@link InvalidDefinitionError}.
 */
export function parseFeatureSetDefinition(input: unknown): FeatureSetDefinition {
  const definition = parseDefinitionInput(FeatureSetDefinitionSchema, input);
  resolveFeatureSet(definition);
  return definition;
}
