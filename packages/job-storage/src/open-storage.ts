import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AthenaClient } from '@aws-sdk/client-athena';
import type { S3Client } from '@aws-sdk/client-s3';
import { type DuckDbOptions, type ObjectStore, openWarehouse, type Warehouse } from '@fti/feature-store';
import { type ModelRegistry, openModelRegistry } from '@fti/model-registry';
import { type AwsClients, createAwsClients } from './create-aws-clients.js';
import { openObjectStore } from './open-object-store.js';
import type { StoragePlan } from './plan-storage.js';
import type { StoreLocation } from './store-location.js';

/** Options of {@link openStorage}. */
export interface OpenStorageOptions {
  /** Clients to use instead of new ones (tests inject clients with middleware); default built from `plan.aws`. */
  clients?: Partial<AwsClients>;
  /** Scratch folder (staging, S3 download cache); default a new folder under the OS temp dir. */
  scratchDir?: string;
  /** Epoch ms clock of the warehouse and the registry; default `Date.now`. */
  now?: () => number;
  /** Embedded DuckDB limits; default DuckDB's own. */
  duckDb?: DuckDbOptions;
}

/**
 * Athena settings ready for the feature pipeline's `AthenaEngine`: `new AthenaEngine(storage.athena)`.
 * Field names match `AthenaEngineOptions`.
 */
export interface AthenaConnection {
  client: AthenaClient;
  s3: S3Client;
  workGroup: string;
  outputLocation: string;
  unloadLocation: string;
  database?: string;
  catalog?: string;
}

/** A job's opened storage: the warehouse, the model registry, and the AWS clients behind them. */
export interface Storage {
  plan: StoragePlan;
  warehouse: Warehouse;
  registry: ModelRegistry;
  /** The S3 client, when anything lives on S3 or `aws` settings are given (also for `s3://` sources). */
  s3: S3Client | undefined;
  /** Set when `engine` is `athena`. */
  athena: AthenaConnection | undefined;
  /** Opens another store (a training job's `runs`) with the same clients and cache. */
  openStore(location: StoreLocation): ObjectStore;
  /** Closes the warehouse's DuckDB and the AWS clients this call created. */
  close(): Promise<void>;
}

/**
 * Opens what a {@link StoragePlan} names: the warehouse (folder or S3, folder or Glue catalog), the model
 * registry on its object store, and the Athena connection when the engine is Athena. Nothing outside is
 * touched until a table or model is read.
 */
export async function openStorage(plan: StoragePlan, options: OpenStorageOptions = {}): Promise<Storage> {
  const scratchDir = options.scratchDir ?? join(tmpdir(), `fti-storage-${randomBytes(6).toString('hex')}`);
  let created: AwsClients | undefined;
  const clients = (): AwsClients => {
    created ??= createAwsClients(plan.aws);
    return { ...created, ...options.clients };
  };
  const s3 = () => options.clients?.s3 ?? clients().s3;
  // Also with only `aws` settings: a local warehouse may still read s3:// sources.
  const needsS3 =
    [plan.warehouse, plan.registry].some((l) => l.kind === 's3') ||
    plan.athena !== undefined ||
    Object.keys(plan.aws).length > 0;
  const { warehouse: location } = plan;
  const warehouse = await openWarehouse({
    location:
      location.kind === 'local'
        ? { kind: 'local', path: location.path }
        : {
            kind: 's3',
            client: s3(),
            bucket: location.bucket,
            ...(location.prefix ? { prefix: location.prefix } : {}),
            catalog:
              plan.catalog === 'glue'
                ? { kind: 'glue', client: options.clients?.glue ?? clients().glue }
                : { kind: 'folder' },
          },
    scratchDir: join(scratchDir, 'warehouse'),
    ...(options.now ? { now: options.now } : {}),
    ...(options.duckDb ? { duckDb: options.duckDb } : {}),
  });
  const openStore = (where: StoreLocation) =>
    openObjectStore(where, { s3, cacheDir: join(scratchDir, 'cache', String(storeCount++)) });
  let storeCount = 0;
  return {
    plan,
    warehouse,
    registry: openModelRegistry({
      store: openStore(plan.registry),
      ...(options.now ? { now: options.now } : {}),
    }),
    s3: needsS3 ? s3() : undefined,
    athena: plan.athena
      ? { client: options.clients?.athena ?? clients().athena, s3: s3(), ...plan.athena }
      : undefined,
    openStore,
    close: async () => {
      await warehouse.close();
      if (created) for (const client of Object.values(created)) client.destroy();
    },
  };
}
