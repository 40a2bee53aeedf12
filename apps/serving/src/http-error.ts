import {
  EntityNotFoundError,
  InferencePipelineError,
  InvalidRequestError,
  ModelNotReadyError,
  type RequestProblem,
  UnservableModelError,
} from '@fti/inference-pipeline';
import { ChecksumMismatchError, ModelNotFoundError, ModelRegistryError } from '@fti/model-registry';

/** The JSON body of every error response. */
export interface ErrorBody {
  /** Machine-readable kind, e.g. `invalid_request`. */
  error: string;
  /** What is wrong and what to do. */
  message: string;
  requestId: string;
  problems?: RequestProblem[];
}

/** An error the server answers with a chosen status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems?: RequestProblem[],
  ) {
    super(message);
  }
}

interface FastifyLikeError {
  code?: string;
  statusCode?: number;
  message: string;
}

/**
 * Maps any error to a status and body: bad requests (malformed JSON, invalid features, oversized bodies)
 * to 4xx with the fix; a model that cannot load to 409 on reload; anything unexpected to 500.
 */
export function toHttpError(
  error: unknown,
  options: { bodyLimit: number },
): { status: number; body: Omit<ErrorBody, 'requestId'> } {
  if (error instanceof HttpError)
    return {
      status: error.status,
      body: {
        error: error.code,
        message: error.message,
        ...(error.problems ? { problems: error.problems } : {}),
      },
    };
  if (error instanceof InvalidRequestError)
    return {
      status: 400,
      body: { error: 'invalid_request', message: error.message, problems: error.problems },
    };
  if (error instanceof EntityNotFoundError)
    return { status: 404, body: { error: 'entity_not_found', message: error.message } };
  if (error instanceof ModelNotReadyError)
    return { status: 503, body: { error: 'model_not_ready', message: error.message } };
  if (
    error instanceof ChecksumMismatchError ||
    error instanceof ModelNotFoundError ||
    error instanceof UnservableModelError ||
    error instanceof ModelRegistryError ||
    error instanceof InferencePipelineError
  )
    return { status: 409, body: { error: 'model_unavailable', message: error.message } };
  const fastify = error as FastifyLikeError;
  switch (fastify.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return {
        status: 400,
        body: {
          error: 'malformed_json',
          message: `${fastify.message}; send a JSON object such as {"features": {...}}`,
        },
      };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        status: 413,
        body: {
          error: 'body_too_large',
          message: `the request body is over ${options.bodyLimit} bytes; send fewer rows per request`,
        },
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        body: {
          error: 'unsupported_media_type',
          message: 'send the body as JSON with content-type: application/json',
        },
      };
  }
  if (error instanceof SyntaxError || (fastify.statusCode === 400 && fastify.message.includes('JSON')))
    return {
      status: 400,
      body: {
        error: 'malformed_json',
        message: `the body is not valid JSON (${fastify.message}); send a JSON object`,
      },
    };
  if (typeof fastify.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500)
    return { status: fastify.statusCode, body: { error: 'bad_request', message: fastify.message } };
  return { status: 500, body: { error: 'internal', message: 'internal error; see the server log' } };
}
