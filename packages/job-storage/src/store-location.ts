import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';

/** Where a store lives: a local folder (an absolute path once resolved) or an S3 bucket and key prefix. */
export type StoreLocation =
  | { kind: 'local'; path: string }
  | {
      kind: 's3';
      bucket: string;
      /** Key prefix without leading or trailing `/`; empty for the bucket root. */
      prefix: string;
    };

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * A store location as written: `./folder` (relative to the file it is in), `/abs/folder`, `s3://bucket` or
 * `s3://bucket/prefix`; also the feature job's older `{ kind: local, path }` object form.
 */
export const StoreLocationSchema = z.union([
  z
    .string()
    .min(1)
    .refine((text) => !text.startsWith('s3://') || BUCKET.test(text.slice(5).split('/')[0] ?? ''), {
      message:
        'does not name an S3 bucket; write s3://<bucket>/<prefix> (bucket: 3-63 lower-case letters, digits, `.`, `-`)',
    })
    .transform((text): StoreLocation => {
      if (!text.startsWith('s3://')) return { kind: 'local', path: text };
      const [bucket = '', ...rest] = text.slice('s3://'.length).split('/');
      return { kind: 's3', bucket, prefix: rest.filter((s) => s !== '').join('/') };
    }),
  z.strictObject({ kind: z.literal('local'), path: z.string().min(1) }),
]);

/** `s3://bucket/prefix` (no trailing `/`) or the local path. */
export function formatStoreLocation(location: StoreLocation): string {
  if (location.kind === 'local') return location.path;
  return `s3://${location.bucket}${location.prefix ? `/${location.prefix}` : ''}`;
}

/** Makes a local location's path absolute against `baseDir`; S3 locations are returned as they are. */
export function resolveStoreLocation(location: StoreLocation, baseDir: string): StoreLocation {
  if (location.kind !== 'local' || isAbsolute(location.path)) return location;
  return { kind: 'local', path: resolve(baseDir, location.path) };
}
