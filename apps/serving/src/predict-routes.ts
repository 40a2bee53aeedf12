import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from './build-server.js';
import { HttpError } from './http-error.js';
import { readScoringBody } from './read-scoring-body.js';
import { predictionSchemas } from './request-schemas.js';
import { type ScoredTarget, scoreTarget } from './score-target.js';

/**
 * `POST /predict` and `POST /predict/batch`: the body is checked against the schema generated from the
 * signature (problems reported by the request reader, which names each field and what to send), scored
 * with the model serving when the request arrived, observed in the metrics and queued for the log.
 */
export function registerPredictRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const schemas = predictionSchemas(deps.signature, deps.maxBatchRows);
  for (const endpoint of ['predict', 'batch'] as const) {
    app.post(
      endpoint === 'predict' ? '/predict' : '/predict/batch',
      { schema: schemas[endpoint], attachValidation: true },
      async (request) => {
        const started = performance.now();
        // The model is taken once: a reload during this request does not change what scores it.
        const model = deps.holder.require();
        const target = readScoringBody(request.body, endpoint, deps.maxBatchRows);
        if (request.validationError && target.kind === 'rows') {
          // The reader names the field and the fix; the schema's message is the fallback.
          model.read(target.rows, { path: endpoint === 'predict' ? () => 'features' : (i) => `rows[${i}]` });
          throw new HttpError(400, 'invalid_request', request.validationError.message);
        }
        const scored = await scoreTarget(model, target, { endpoint, online: deps.online });
        const latencyMs = performance.now() - started;
        observe(deps, model.label, endpoint, scored, latencyMs);
        const { name, version } = model.servable;
        deps.log?.record(
          scored.predictions.map((p, i) => ({
            requestId: request.id,
            rowIndex: i,
            modelName: name,
            modelVersion: version,
            entityId: scored.entityIds[i] ?? null,
            score: p.score,
            predictedClass: p.predictedClass,
            latencyMs,
            inputs: scored.inputs[i],
          })),
        );
        const common = {
          requestId: request.id,
          model: { name, version },
          threshold: model.servable.threshold,
        };
        if (endpoint === 'batch') return { ...common, predictions: scored.predictions, latencyMs };
        const [prediction] = scored.predictions;
        return { ...common, ...prediction, entityId: scored.entityIds[0] ?? null, latencyMs };
      },
    );
  }
}

function observe(
  deps: ServerDeps,
  label: string,
  endpoint: 'predict' | 'batch',
  scored: ScoredTarget,
  latencyMs: number,
): void {
  deps.metrics.scoringSeconds.observe({ endpoint }, latencyMs / 1000);
  for (const p of scored.predictions) {
    deps.metrics.predictionScore.observe({ model: label }, p.score);
    deps.metrics.predictions.inc({ model: label, class: String(p.predictedClass) });
  }
}
