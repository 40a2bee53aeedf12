import { S3ObjectStore } from '@fti/feature-store';
import { parseS3Uri } from '../engine/parse-s3-uri.js';
import { FeaturePipelineError } from '../errors.js';
import type { ExtractContext } from './extract-context.js';

/**
 * Local paths DuckDB can read for files given as local paths or `s3://` URIs: S3 objects are downloaded once
 * into `ctx.cacheDir` (through the feature store's `S3ObjectStore.localPath`), local paths pass through.
 */
export async function localCopies(
  source: string,
  uris: readonly string[],
  ctx: ExtractContext,
): Promise<string[]> {
  const stores = new Map<string, S3ObjectStore>();
  return Promise.all(
    uris.map(async (uri) => {
      if (!uri.startsWith('s3://')) return uri;
      if (!ctx.s3) {
        throw new FeaturePipelineError(
          `source \`${source}\` reads ${uri}: give the extract context an S3 client (\`s3\`)`,
        );
      }
      const { bucket, key } = parseS3Uri(uri);
      let store = stores.get(bucket);
      if (!store) {
        store = new S3ObjectStore({ client: ctx.s3, bucket, cacheDir: ctx.cacheDir });
        stores.set(bucket, store);
      }
      return store.localPath(key);
    }),
  );
}
