import type { S3Client } from '@aws-sdk/client-s3';
import { S3ObjectStore } from '@fti/feature-store';
import { FeaturePipelineError } from '../errors.js';
import { parseS3Uri } from './parse-s3-uri.js';

/** Options of {@link readUnloadManifest}. */
export interface ReadUnloadManifestOptions {
  s3: S3Client;
  /** `s3://` URI of the manifest (`<query results location>/<QueryExecutionId>-manifest.csv`). */
  manifestUri: string;
  /** Local folder the store may cache into (unused for the manifest itself). */
  cacheDir: string;
}

/**
 * Reads the manifest Athena writes for an UNLOAD (one `s3://` URI of a written file per line) and returns
 * the listed Parquet files, sorted.
 */
export async function readUnloadManifest(options: ReadUnloadManifestOptions): Promise<string[]> {
  const { bucket, key } = parseS3Uri(options.manifestUri);
  const store = new S3ObjectStore({ client: options.s3, bucket, cacheDir: options.cacheDir });
  let text: string;
  try {
    text = new TextDecoder().decode(await store.get(key));
  } catch (error) {
    throw new FeaturePipelineError(
      `cannot read the UNLOAD manifest ${options.manifestUri}; check that the query's results location is ` +
        'readable with these credentials',
      { cause: error },
    );
  }
  const uris = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  for (const uri of uris) parseS3Uri(uri);
  return uris.sort();
}
