import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from './build-server.js';

/** `GET /health` (the process answers), `/ready` (model loaded and online store ready), `/model/info`, `/metrics`. */
export function registerStatusRoutes(app: FastifyInstance, deps: ServerDeps): void {
  app.get('/health', { schema: { summary: 'Liveness: the process answers' } }, async () => ({
    status: 'ok',
  }));

  app.get(
    '/ready',
    { schema: { summary: 'Readiness: 200 once the model is loaded and the online store ready' } },
    async (_request, reply) => {
      const model = deps.holder.current();
      const online = deps.online.status;
      const ready = model !== undefined && online !== 'loading';
      return reply.status(ready ? 200 : 503).send({
        status: ready ? 'ready' : 'loading',
        model: model?.label ?? null,
        online,
        ...(deps.online.error ? { onlineError: deps.online.error } : {}),
      });
    },
  );

  app.get(
    '/model/info',
    { schema: { summary: 'The model serving now: version, threshold, signature, metrics' } },
    async () => {
      const { servable, label } = deps.holder.require();
      return {
        ref: deps.ref,
        label,
        name: servable.name,
        version: servable.version,
        threshold: servable.threshold,
        createdAt: new Date(servable.record.createdAtMs).toISOString(),
        description: servable.record.description ?? null,
        metrics: servable.record.metrics,
        signature: servable.signature,
        preprocessedWidth: servable.preprocessor.featureNames.length,
        onlineStore: deps.online.status,
        featureView: deps.online.view ? `${deps.online.view.name}@${deps.online.view.version}` : null,
      };
    },
  );

  app.get('/metrics', { schema: { summary: 'Prometheus metrics' } }, async (_request, reply) => {
    const text = await deps.metrics.registry.metrics();
    return reply.type(deps.metrics.registry.contentType).send(text);
  });
}
