import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerDeps } from './build-server.js';
import { HttpError } from './http-error.js';

/**
 * `POST /admin/reload` with `Authorization: Bearer <token>`: reloads the model (following the alias), swaps
 * it atomically, and answers what serves now. A failed reload answers 409 and keeps the old model.
 */
export function registerAdminRoutes(app: FastifyInstance, deps: ServerDeps): void {
  app.post(
    '/admin/reload',
    {
      schema: {
        summary: 'Reload the model (follows the alias); bearer token required',
        security: [{ reloadToken: [] }],
      },
      preHandler: async (request) => authorize(request, deps.reloadToken),
    },
    async (request) => {
      const before = deps.holder.current()?.label;
      try {
        const result = await deps.holder.reload();
        deps.metrics.reloads.inc({ outcome: result.kind });
        const { servable } = deps.holder.require();
        deps.metrics.modelVersion.set({ model: servable.name }, servable.version);
        request.log.warn(`model reload: ${result.kind} ${result.previous ?? '-'} -> ${result.current}`);
        return result;
      } catch (error) {
        deps.metrics.reloads.inc({ outcome: 'failed' });
        throw new HttpError(
          409,
          'reload_failed',
          `reload failed, still serving ${before ?? 'nothing'}: ${(error as Error).message}`,
        );
      }
    },
  );
}

function authorize(request: FastifyRequest, token: string | undefined): void {
  const header = request.headers.authorization;
  if (typeof header !== 'string' || !header.startsWith('Bearer '))
    throw new HttpError(401, 'unauthorized', 'send the reload token as `Authorization: Bearer <token>`');
  if (token === undefined)
    throw new HttpError(
      403,
      'forbidden',
      'reload is disabled: start the server with FTI_SERVING_RELOAD_TOKEN set',
    );
  const given = Buffer.from(header.slice('Bearer '.length));
  const expected = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new HttpError(403, 'forbidden', 'the reload token is wrong');
}
