import { type LabelDefinition, LabelDefinitionSchema } from './label-definition.js';
import { parseDefinitionInput } from './parse-definition-input.js';
import { resolveLabelDefinition } from './resolve-label-definition.js';

/**
 * Validates a label definition once, at the boundary: shape (zod, defaults applied) and meaning (see
 * {@link resolveLabelDefinition}). Throws {@link InvalidDefinitionError}.
 */
export function parseLabelDefinition(input: unknown): LabelDefinition {
  const definition = parseDefinitionInput(LabelDefinitionSchema, input);
  resolveLabelDefinition(definition);
  return definition;
}
