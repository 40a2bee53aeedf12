import { type JsonSchema, signatureJsonSchema } from '@fti/inference-pipeline';
import type { Signature } from '@fti/model-registry';

const ENTITY_ID: JsonSchema = {
  description: 'An entity key (e.g. a customer id), or an object by join key for composite keys',
  anyOf: [
    { type: 'string' },
    { type: 'integer' },
    { type: 'object', additionalProperties: { type: ['string', 'integer'] } },
  ],
};

const MODEL: JsonSchema = {
  type: 'object',
  properties: { name: { type: 'string' }, version: { type: 'integer' } },
  required: ['name', 'version'],
};

const PREDICTION: JsonSchema = {
  type: 'object',
  properties: {
    score: { type: 'number', description: 'P(label = 1) for a binary model' },
    predictedClass: { type: ['integer', 'null'], description: '1 when score ≥ threshold, else 0' },
  },
  required: ['score', 'predictedClass'],
};

const ERROR: JsonSchema = {
  type: 'object',
  properties: {
    error: { type: 'string' },
    message: { type: 'string' },
    requestId: { type: 'string' },
    problems: {
      type: 'array',
      items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } },
    },
  },
  required: ['error', 'message'],
};

/** Error responses every scoring route may give. */
const ERRORS = { 400: ERROR, 404: ERROR, 413: ERROR, 415: ERROR, 503: ERROR };

/** A scoring route's responses: the 200 body (request id, model, threshold, latency and `fields`), the errors. */
function responses(fields: JsonSchema) {
  return {
    200: {
      type: 'object',
      properties: {
        requestId: { type: 'string' },
        model: MODEL,
        threshold: { type: 'number' },
        latencyMs: { type: 'number' },
        ...fields,
      },
    },
    ...ERRORS,
  };
}

/** Body and response schemas of the scoring routes, generated from the model signature. */
export function predictionSchemas(signature: Signature, maxBatchRows: number) {
  const row = signatureJsonSchema(signature);
  return {
    predict: {
      summary: 'Score one row: its features in the body, or an entity id read from the online store',
      body: {
        type: 'object',
        properties: { features: row, entityId: ENTITY_ID },
        additionalProperties: false,
      },
      response: responses({ ...(PREDICTION.properties as object), entityId: { type: ['string', 'null'] } }),
    },
    batch: {
      summary: `Score up to ${maxBatchRows} rows: rows of features, or entity ids read from the online store`,
      body: {
        type: 'object',
        properties: {
          rows: { type: 'array', items: row, maxItems: maxBatchRows },
          entityIds: { type: 'array', items: ENTITY_ID, maxItems: maxBatchRows },
        },
        additionalProperties: false,
      },
      response: responses({ predictions: { type: 'array', items: PREDICTION } }),
    },
  };
}
