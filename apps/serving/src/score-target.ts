import {
  type EntityId,
  lookupEntityFeatures,
  type OnlineModel,
  type OnlinePrediction,
  scoreRows,
} from '@fti/inference-pipeline';
import { HttpError } from './http-error.js';
import type { OnlineSource } from './online-source.js';
import type { ScoringTarget } from './read-scoring-body.js';

/** Scored rows with the inputs they were scored on and, for entity requests, the entity ids. */
export interface ScoredTarget {
  predictions: OnlinePrediction[];
  inputs: unknown[];
  entityIds: (string | null)[];
}

/**
 * Scores a request's rows, or the online features of its entities, with one model. `predict` requests
 * name their fields `features.x` and `entityId`; batch ones `rows[i].x` and `entityIds[i]`.
 */
export async function scoreTarget(
  model: OnlineModel,
  target: ScoringTarget,
  options: { endpoint: 'predict' | 'batch'; online: OnlineSource },
): Promise<ScoredTarget> {
  const single = options.endpoint === 'predict';
  if (target.kind === 'rows') {
    const predictions = await scoreRows(model, target.rows, {
      path: single ? () => 'features' : (i) => `rows[${i}]`,
    });
    return { predictions, inputs: target.rows, entityIds: target.rows.map(() => null) };
  }
  const { online } = options;
  if (online.status !== 'ready' || !online.view || !online.store)
    throw new HttpError(
      online.status === 'loading' ? 503 : 400,
      online.status === 'loading' ? 'online_store_loading' : 'no_online_store',
      online.status === 'loading'
        ? 'the online store is still being materialised; retry when GET /ready answers 200, or send the features'
        : `this server has no online store (${online.status === 'failed' ? online.error : 'started with --online none'}); send the features in the body`,
    );
  const idPath = single ? () => 'entityId' : (i: number) => `entityIds[${i}]`;
  const rows = await lookupEntityFeatures({
    store: online.store,
    view: online.view,
    entityIds: target.entityIds,
    features: model.servable.signature.inputs.map((input) => input.name),
    path: idPath,
  });
  const predictions = await scoreRows(model, rows, {
    path: (i) => `onlineFeatures[${describeId(target.entityIds[i]!)}]`,
  });
  return { predictions, inputs: rows, entityIds: target.entityIds.map(describeId) };
}

function describeId(id: EntityId): string {
  return typeof id === 'object' ? JSON.stringify(id) : String(id);
}
