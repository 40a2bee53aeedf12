import type { S3Client } from '@aws-sdk/client-s3';
import { LocalObjectStore, type ObjectStore, S3ObjectStore } from '@fti/feature-store';
import type { StoreLocation } from './store-location.js';

/** Options of {@link openObjectStore}. */
export interface OpenObjectStoreOptions {
  /** Client of `s3` locations. */
  s3: () => S3Client;
  /** Local folder where S3 downloads of immutable files are cached. */
  cacheDir: string;
}

/** Opens the object store of a location: a folder, or a bucket and prefix. */
export function openObjectStore(location: StoreLocation, options: OpenObjectStoreOptions): ObjectStore {
  if (location.kind === 'local') return new LocalObjectStore({ root: location.path });
  return new S3ObjectStore({
    client: options.s3(),
    bucket: location.bucket,
    ...(location.prefix ? { prefix: location.prefix } : {}),
    cacheDir: options.cacheDir,
  });
}
