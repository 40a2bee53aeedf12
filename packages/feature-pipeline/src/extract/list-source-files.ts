import { readdir, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { S3ObjectStore } from '@fti/feature-store';
import { parseS3Uri } from '../engine/parse-s3-uri.js';
import { FeaturePipelineError } from '../errors.js';
import type { ExtractContext } from './extract-context.js';
import { SourceNotFoundError } from './extract-errors.js';
import { globPrefix, globToRegExp, hasGlob } from './glob-pattern.js';
import { localCopies } from './local-copies.js';

/** Files of a source: where they live, and local copies DuckDB can read (the same path for local files). */
export interface SourceFiles {
  /** Sorted; absolute local paths or `s3://` URIs. */
  uris: string[];
  /** Local paths, in the order of `uris`. */
  localPaths: string[];
}

/**
 * Expands a source path (local or `s3://`, glob or not) to its files, sorted, and downloads S3 files into
 * the cache. Local globs walk the folder before the first glob character; S3 globs list that key prefix
 * (ListObjectsV2) and match keys with the same glob rules. No match is a {@link SourceNotFoundError}.
 */
export async function listSourceFiles(
  source: string,
  path: string,
  ctx: ExtractContext,
): Promise<SourceFiles> {
  const files = path.startsWith('s3://') ? await listS3(source, path, ctx) : await listLocal(path, ctx);
  if (files.uris.length === 0) throw new SourceNotFoundError(source, path);
  return files;
}

async function listLocal(path: string, ctx: ExtractContext): Promise<SourceFiles> {
  const absolute = resolve(ctx.baseDir ?? '.', path);
  if (!hasGlob(absolute)) {
    const info = await stat(absolute).catch(() => undefined);
    const uris = info?.isFile() ? [absolute] : [];
    return { uris, localPaths: uris };
  }
  const prefix = globPrefix(absolute);
  const root = prefix.endsWith(sep) ? prefix : prefix.slice(0, prefix.lastIndexOf(sep) + 1);
  const pattern = globToRegExp(absolute.split(sep).join('/'));
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  const uris = entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => pattern.test(file.split(sep).join('/')))
    .sort();
  return { uris, localPaths: uris };
}

async function listS3(source: string, uri: string, ctx: ExtractContext): Promise<SourceFiles> {
  if (!ctx.s3) {
    throw new FeaturePipelineError(
      `source \`${source}\` reads ${uri}: give the extract context an S3 client (\`s3\`)`,
    );
  }
  const { bucket, key } = parseS3Uri(uri);
  const store = new S3ObjectStore({ client: ctx.s3, bucket, cacheDir: ctx.cacheDir });
  const pattern = globToRegExp(key);
  const keys = (await store.list(globPrefix(key))).map((o) => o.key).filter((k) => pattern.test(k));
  const uris = keys.sort().map((k) => `s3://${bucket}/${k}`);
  return { uris, localPaths: await localCopies(source, uris, ctx) };
}
