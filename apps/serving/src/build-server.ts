import { randomUUID } from 'node:crypto';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { ModelHolder, PredictionLogWriter } from '@fti/inference-pipeline';
import type { Signature } from '@fti/model-registry';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerAdminRoutes } from './admin-routes.js';
import { toHttpError } from './http-error.js';
import type { OnlineSource } from './online-source.js';
import { registerPredictRoutes } from './predict-routes.js';
import type { ServingMetrics } from './serving-metrics.js';
import { registerStatusRoutes } from './status-routes.js';

/** What the server is built from: the app wires these, tests pass their own. */
export interface ServerDeps {
  holder: ModelHolder;
  /** The signature requests are validated and documented against (the model's at startup). */
  signature: Signature;
  /** `name@alias` or `name@version` the server follows. */
  ref: string;
  online: OnlineSource;
  metrics: ServingMetrics;
  /** Prediction log; undefined when disabled. */
  log?: PredictionLogWriter;
  /** Largest body, bytes. */
  bodyLimit: number;
  maxBatchRows: number;
  /** Bearer token of `/admin/reload`; undefined: reload refused. */
  reloadToken?: string;
  logLevel?: 'silent' | 'error' | 'warn' | 'info' | 'debug';
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * Builds the Fastify server: scoring routes validated against the model signature, health and readiness,
 * model info, Prometheus metrics, token-guarded reload and OpenAPI docs at `/docs`. Every error answers
 * JSON `{ error, message, requestId }` with a 4xx for bad input; request ids come from `x-request-id`
 * (when well formed) or are generated, and are echoed in the response header.
 */
export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: deps.logLevel ?? 'warn' },
    bodyLimit: deps.bodyLimit,
    genReqId: (request) => {
      const header = request.headers['x-request-id'];
      return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
    },
    // Never coerce or strip: a wrong type or an unknown feature is an error the client must see.
    ajv: {
      customOptions: {
        allowUnionTypes: true,
        coerceTypes: false,
        removeAdditional: false,
        useDefaults: false,
        allErrors: false,
      },
    },
  });
  // JSON only: a text body is refused with 415 instead of reaching the routes as a string.
  app.removeContentTypeParser('text/plain');
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    deps.metrics.requests.inc({ route, method: request.method, status: String(reply.statusCode) });
    deps.metrics.requestSeconds.observe({ route }, reply.elapsedTime / 1000);
  });
  app.setErrorHandler((error, request, reply) => {
    const { status, body } = toHttpError(error, { bodyLimit: deps.bodyLimit });
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return reply.status(status).send({ ...body, requestId: request.id });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      error: 'not_found',
      message: `no route ${request.method} ${request.url.split('?')[0]}; see /docs for the API`,
      requestId: request.id,
    }),
  );

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'fti serving',
        version: '0.1.0',
        description: `Online scoring with ${deps.ref}: features in the body or looked up in the online store.`,
      },
      components: {
        securitySchemes: { reloadToken: { type: 'http', scheme: 'bearer' } },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  registerPredictRoutes(app, deps);
  registerStatusRoutes(app, deps);
  registerAdminRoutes(app, deps);
  return app;
}
