import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { GlueClient } from '@aws-sdk/client-glue';
import type { S3Client } from '@aws-sdk/client-s3';
import type { Catalog } from '../catalog/catalog.js';
import { FolderCatalog } from '../catalog/folder-catalog.js';
import { GlueCatalog } from '../catalog/glue-catalog.js';
import { DuckDb, type DuckDbOptions } from '../engine/duck-db.js';
import { LocalObjectStore } from '../object-store/local-object-store.js';
import type { ObjectStore } from '../object-store/object-store.js';
import { S3ObjectStore } from '../object-store/s3-object-store.js';
import { FileIo } from './file-io.js';
import { defaultRetryPolicy, type RetryPolicy, type TableEnv } from './table-env.js';

/** Where tables live and which catalog tracks them. */
export type WarehouseLocation =
  /** A local folder with a folder catalog (version-hint files). */
  | { kind: 'local' /** Default `.fti/warehouse` under the working directory. */; path?: string }
  /** An S3 bucket (prefix optional); catalog `folder` (default) or AWS Glue, which Athena reads. */
  | {
      kind: 's3';
      client: S3Client;
      bucket: string;
      prefix?: string;
      catalog?: { kind: 'folder' } | { kind: 'glue'; client: GlueClient };
    };

/** Options of {@link openWarehouse}. */
export interface OpenWarehouseOptions {
  location: WarehouseLocation;
  /** Scratch folder for staged Parquet and S3 download cache. Default: a new folder under the OS temp dir. */
  scratchDir?: string;
  /** Embedded DuckDB limits. Default: DuckDB's own. */
  duckDb?: DuckDbOptions;
  /** Epoch ms clock. Default `Date.now`. */
  now?: () => number;
  /** Uniform [0,1) source for ids and jitter. Default: crypto-seeded. */
  random?: () => number;
  /** Commit retries. Default 12 attempts, 25 ms doubling to 2 s, full jitter. */
  retry?: Partial<RetryPolicy>;
}

/** An open warehouse: a {@link TableEnv} plus `close()` for its DuckDB instance. */
export interface Warehouse extends TableEnv {
  close(): Promise<void>;
}

/** Opens a warehouse: the object store, the catalog over it, and one embedded DuckDB. */
export async function openWarehouse(options: OpenWarehouseOptions): Promise<Warehouse> {
  const scratchDir = resolve(options.scratchDir ?? join(tmpdir(), `fti-${randomBytes(6).toString('hex')}`));
  await mkdir(scratchDir, { recursive: true });
  const { store, catalog } = storeAndCatalog(options.location, join(scratchDir, 'cache'));
  const db = await DuckDb.open(options.duckDb ?? {});
  return {
    catalog,
    files: new FileIo(store),
    db,
    stagingDir: join(scratchDir, 'staging'),
    now: options.now ?? Date.now,
    random: options.random ?? cryptoRandom,
    sleep: (ms) => new Promise((done) => setTimeout(done, ms)),
    retry: { ...defaultRetryPolicy, ...(options.retry ?? {}) },
    close: async () => db.close(),
  };
}

function storeAndCatalog(
  location: WarehouseLocation,
  cacheDir: string,
): { store: ObjectStore; catalog: Catalog } {
  if (location.kind === 'local') {
    const store = new LocalObjectStore({ root: location.path ?? '.fti/warehouse' });
    return { store, catalog: new FolderCatalog({ store }) };
  }
  const store = new S3ObjectStore({
    client: location.client,
    bucket: location.bucket,
    ...(location.prefix ? { prefix: location.prefix } : {}),
    cacheDir,
  });
  const catalog =
    location.catalog?.kind === 'glue'
      ? new GlueCatalog({ glue: location.catalog.client, store })
      : new FolderCatalog({ store });
  return { store, catalog };
}

function cryptoRandom(): number {
  return randomBytes(6).readUIntBE(0, 6) / 2 ** 48;
}
