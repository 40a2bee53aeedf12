import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** The server's Prometheus metrics, in their own registry (so tests and servers never share counters). */
export interface ServingMetrics {
  registry: Registry;
  requests: Counter<'route' | 'method' | 'status'>;
  requestSeconds: Histogram<'route'>;
  scoringSeconds: Histogram<'endpoint'>;
  predictionScore: Histogram<'model'>;
  predictions: Counter<'model' | 'class'>;
  modelVersion: Gauge<'model'>;
  reloads: Counter<'outcome'>;
}

const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/** Creates the metrics: requests, latency histograms, prediction distribution, model version, reloads. */
export function createServingMetrics(options: { processMetrics?: boolean } = {}): ServingMetrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'fti_serving_' });
  const registers = [registry];
  return {
    registry,
    requests: new Counter({
      name: 'fti_serving_requests_total',
      help: 'HTTP requests answered, by route, method and status code',
      labelNames: ['route', 'method', 'status'],
      registers,
    }),
    requestSeconds: new Histogram({
      name: 'fti_serving_request_duration_seconds',
      help: 'Time from request received to response sent, by route',
      labelNames: ['route'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    scoringSeconds: new Histogram({
      name: 'fti_serving_scoring_duration_seconds',
      help: 'Time to validate, look up and score one request, by endpoint (predict or batch)',
      labelNames: ['endpoint'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    predictionScore: new Histogram({
      name: 'fti_serving_prediction_score',
      help: 'Distribution of the scores served, by model (name@version)',
      labelNames: ['model'],
      buckets: [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1],
      registers,
    }),
    predictions: new Counter({
      name: 'fti_serving_predictions_total',
      help: 'Rows scored, by model (name@version) and predicted class',
      labelNames: ['model', 'class'],
      registers,
    }),
    modelVersion: new Gauge({
      name: 'fti_serving_model_version',
      help: 'Version of the model being served, by model name',
      labelNames: ['model'],
      registers,
    }),
    reloads: new Counter({
      name: 'fti_serving_model_reloads_total',
      help: 'Model reloads by outcome: swapped, unchanged, failed',
      labelNames: ['outcome'],
      registers,
    }),
  };
}
