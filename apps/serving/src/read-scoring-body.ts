import type { EntityId } from '@fti/inference-pipeline';
import { HttpError } from './http-error.js';

/** What a scoring request asks to score. */
export type ScoringTarget = { kind: 'rows'; rows: unknown[] } | { kind: 'entities'; entityIds: EntityId[] };

/**
 * Reads the envelope of a `/predict` (`features` | `entityId`) or `/predict/batch` (`rows` | `entityIds`)
 * body: exactly one of the two fields, nothing else, a batch no larger than `maxRows`. The features
 * themselves are checked against the signature by the request reader.
 */
export function readScoringBody(
  body: unknown,
  endpoint: 'predict' | 'batch',
  maxRows: number,
): ScoringTarget {
  const [inline, byId] = endpoint === 'predict' ? ['features', 'entityId'] : ['rows', 'entityIds'];
  const usage =
    endpoint === 'predict'
      ? 'send {"features": {...}} or {"entityId": ...}'
      : 'send {"rows": [{...}, ...]} or {"entityIds": [...]}';
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new HttpError(400, 'invalid_request', `the body must be a JSON object; ${usage}`);
  const fields = Object.keys(body);
  const unknown = fields.filter((f) => f !== inline && f !== byId);
  if (unknown.length > 0)
    throw new HttpError(
      400,
      'invalid_request',
      `\`${unknown[0]}\` is not a field of this endpoint; ${usage}`,
    );
  if (fields.length !== 1)
    throw new HttpError(
      400,
      'invalid_request',
      `${fields.length === 0 ? 'the body is empty' : `give \`${inline}\` or \`${byId}\`, not both`}; ${usage}`,
    );
  const value = (body as Record<string, unknown>)[fields[0]!];
  if (endpoint === 'predict')
    return fields[0] === inline
      ? { kind: 'rows', rows: [value] }
      : { kind: 'entities', entityIds: [value as EntityId] };
  if (!Array.isArray(value))
    throw new HttpError(400, 'invalid_request', `\`${fields[0]}\` must be an array; ${usage}`);
  if (value.length > maxRows)
    throw new HttpError(
      400,
      'invalid_request',
      `\`${fields[0]}\` has ${value.length} items; send at most ${maxRows} per request`,
    );
  if (value.length === 0)
    throw new HttpError(400, 'invalid_request', `\`${fields[0]}\` is empty; send at least one`);
  return fields[0] === inline ? { kind: 'rows', rows: value } : { kind: 'entities', entityIds: value };
}
