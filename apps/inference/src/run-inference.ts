import {
  describeServableModel,
  loadServableModel,
  parseShard,
  type ScoringEvent,
  type ScoringSummary,
  scoreBatch,
} from '@fti/inference-pipeline';
import { type AwsClients, describeStoragePlan, openStorage, planJobStorage } from '@fti/job-storage';
import type { ModelRef } from '@fti/model-registry';
import type { InferenceConfig } from './config.js';

/** What one run of the job did: the scoring summary and its wall time. */
export interface InferenceRunSummary extends ScoringSummary {
  runId: string;
  /** `name@version (name@alias)`. */
  modelLabel: string;
  seconds: number;
}

/**
 * The batch inference job: opens the warehouse and registry (folders or S3, see `@fti/job-storage`), loads
 * the model by alias or version, and scores one feature date of a feature table, or Parquet files (one shard),
 * into the predictions table and the prediction log.
 */
export async function runInference(
  config: InferenceConfig,
  options: {
    runId: string;
    log?: (message: string) => void;
    onProgress?: (event: ScoringEvent) => void;
    /** AWS clients to use instead of new ones from the storage's `aws` settings (tests). */
    clients?: Partial<AwsClients>;
  },
): Promise<InferenceRunSummary> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const ref: ModelRef =
    config.version !== undefined
      ? { name: config.model, version: config.version }
      : { name: config.model, alias: config.alias ?? 'staging' };
  const plan = await planJobStorage({
    storageFile: config.storage,
    flags: { warehouse: config.warehouse, registry: config.registry },
  });
  log(describeStoragePlan(plan));
  const storage = await openStorage(plan, options.clients ? { clients: options.clients } : {});
  const env = storage.warehouse;
  try {
    const model = await loadServableModel(storage.registry, ref);
    const modelLabel = describeServableModel(model, ref);
    log(
      `model ${modelLabel}: ${model.preprocessor.featureNames.length} inputs, threshold ${model.threshold.toFixed(4)}`,
    );
    const predictions = config.predictions ?? {
      namespace: 'predictions',
      name: config.model.replace(/[^a-z0-9]+/g, '_'),
    };
    const shard = parseShard(config.shard);
    const source =
      config.input.kind === 'table'
        ? `${config.input.table.namespace}/${config.input.table.name} on ${config.date}`
        : `parquet ${config.input.paths.join(', ')} for ${config.date}`;
    log(
      `scoring ${source} (shard ${shard.index}/${shard.count}) into ${predictions.namespace}/${predictions.name}`,
    );
    const summary = await scoreBatch({
      env,
      model,
      input: config.input,
      keys: config.keys,
      featureDate: config.date,
      predictions,
      log: { namespace: predictions.namespace, name: `${predictions.name}_log` },
      shard,
      batchRows: config.batchRows,
      runId: options.runId,
      ...(options.onProgress ? { report: options.onProgress } : {}),
    });
    return { ...summary, runId: options.runId, modelLabel, seconds: (performance.now() - started) / 1000 };
  } finally {
    await storage.close();
  }
}
