import { resolve } from 'node:path';
import {
  createModelHolder,
  loadServableModel,
  openPredictionLogTable,
  PredictionLogWriter,
  UnservableModelError,
} from '@fti/inference-pipeline';
import { type AwsClients, describeStoragePlan, openStorage, planJobStorage } from '@fti/job-storage';
import { formatModelRef, type ModelRef } from '@fti/model-registry';
import type { FastifyInstance } from 'fastify';
import { buildServer } from './build-server.js';
import type { ServingConfig } from './config.js';
import type { OnlineSource } from './online-source.js';
import { openOnlineSource } from './open-online-source.js';
import { createServingMetrics } from './serving-metrics.js';

/** A wired server, not yet listening. */
export interface Serving {
  app: FastifyInstance;
  /** Resolves once the online store is materialised (or failed, or disabled). */
  onlineReady: Promise<void>;
  /** Materialises feature rows added since the last run (what `--online-refresh-s` runs on a timer). */
  refreshOnline(): Promise<void>;
  /** Stops accepting requests, lets in-flight ones finish, flushes the prediction log, closes the stores. */
  close(): Promise<void>;
}

/**
 * Wires the serving app from its config: loads the model (a tampered file or an alias to a missing version
 * fails here, with the registry's message), builds the server, starts the prediction log and materialises
 * the online store in the background (`/ready` answers 503 until it is done).
 */
export async function startServing(
  config: ServingConfig,
  options: {
    log?: (line: string) => void;
    now?: () => number;
    /** AWS clients to use instead of new ones from the storage's `aws` settings (tests). */
    clients?: Partial<AwsClients>;
  } = {},
): Promise<Serving> {
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
  const { registry } = storage;
  const holder = createModelHolder({
    load: () => loadServableModel(registry, ref),
    accept: (next, current) => {
      if (JSON.stringify(next.signature.inputs) !== JSON.stringify(current.signature.inputs))
        throw new UnservableModelError(
          `${next.name}@${next.version}`,
          `its signature differs from ${current.name}@${current.version}'s, which this server validates requests against; restart the server to serve it`,
        );
    },
  });
  const first = await holder.reload().catch(async (error: unknown) => {
    await storage.close();
    throw error;
  });
  const model = holder.require();
  log(`serving ${first.current} (${formatModelRef(ref)}), threshold ${model.servable.threshold.toFixed(4)}`);

  const metrics = createServingMetrics();
  metrics.modelVersion.set({ model: model.servable.name }, model.servable.version);
  const needsWarehouse = config.online !== 'none' || config.logTable !== 'none';
  const warehouse = needsWarehouse ? storage.warehouse : undefined;
  const logTable =
    config.logTable === 'none'
      ? undefined
      : (config.logTable ?? {
          namespace: 'predictions',
          name: `${config.model.replace(/[^a-z0-9]+/g, '_')}_online_log`,
        });
  const writer =
    warehouse && logTable
      ? new PredictionLogWriter({
          open: () => openPredictionLogTable(warehouse, logTable),
          maxRows: config.logFlushRows,
          maxDelayMs: config.logFlushMs,
          ...(options.now ? { now: options.now } : {}),
          onError: (error) => log(`prediction log flush failed (rows kept): ${(error as Error).message}`),
        })
      : undefined;

  const online: OnlineSource = { status: config.online === 'none' ? 'disabled' : 'loading' };
  let refreshTimer: NodeJS.Timeout | undefined;
  let refreshOnline: () => Promise<void> = async () => {};
  const onlineReady =
    warehouse && config.online !== 'none'
      ? openOnlineSource(online, {
          env: warehouse,
          features: config.features,
          kind: config.online,
          ...(config.redisUrl ? { redisUrl: config.redisUrl } : {}),
          ...(config.onlineFile ? { file: resolve(config.onlineFile) } : {}),
          asOf: config.onlineAsOf,
          log,
        }).then((refresh) => {
          refreshOnline = refresh;
          if (config.onlineRefreshS > 0 && online.status === 'ready') {
            let running = false;
            refreshTimer = setInterval(() => {
              if (running) return;
              running = true;
              void refresh().finally(() => {
                running = false;
              });
            }, config.onlineRefreshS * 1000);
            refreshTimer.unref();
          }
        })
      : Promise.resolve();

  const app = await buildServer({
    holder,
    signature: model.servable.signature,
    ref: formatModelRef(ref),
    online,
    metrics,
    ...(writer ? { log: writer } : {}),
    bodyLimit: config.bodyLimit,
    maxBatchRows: config.maxBatchRows,
    ...(config.reloadToken ? { reloadToken: config.reloadToken } : {}),
    logLevel: config.logLevel,
  });
  let closing: Promise<void> | undefined;
  return {
    app,
    onlineReady,
    refreshOnline: () => refreshOnline(),
    close() {
      closing ??= (async () => {
        clearInterval(refreshTimer);
        await app.close();
        await onlineReady;
        await writer?.close();
        await online.store?.close();
        await storage.close();
      })();
      return closing;
    },
  };
}
