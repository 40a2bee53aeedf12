import type { Signature, ValueType } from '@fti/model-registry';

/** A JSON Schema (draft-07 subset) object. */
export type JsonSchema = Record<string, unknown>;

const TYPES: Record<ValueType, JsonSchema> = {
  float: { type: 'number' },
  int: { type: 'integer' },
  string: { type: 'string' },
  bool: { type: 'boolean' },
};

/**
 * The JSON Schema of one row of features for a signature: one property per input (optional inputs also
 * accept null), required inputs listed, nothing else allowed. For request validation and OpenAPI docs.
 */
export function signatureJsonSchema(signature: Signature): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const input of signature.inputs) {
    const base = TYPES[input.type];
    properties[input.name] = {
      ...(input.required ? base : { type: [base.type as string, 'null'] }),
      ...(input.description ? { description: input.description } : {}),
    };
  }
  return {
    type: 'object',
    properties,
    required: signature.inputs.filter((i) => i.required).map((i) => i.name),
    additionalProperties: false,
  };
}
