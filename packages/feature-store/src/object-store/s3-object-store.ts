import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { FeatureStoreError, ObjectNotFoundError } from '../errors.js';
import { checkRange } from './check-range.js';
import { compareKeys } from './compare-keys.js';
import type { ObjectInfo, ObjectStore } from './object-store.js';
import { validateKey, validatePrefix } from './validate-key.js';

/** Options of {@link S3ObjectStore}. */
export interface S3ObjectStoreOptions {
  /** Configured client (region, credentials, endpoint). */
  client: S3Client;
  /** Bucket holding the objects; it must exist. */
  bucket: string;
  /** Key prefix the store is rooted at, without leading or trailing `/`; default none (the bucket root). */
  prefix?: string;
  /** Local folder where {@link S3ObjectStore.localPath} caches downloads of (immutable) data files. */
  cacheDir: string;
}

/** S3's limit of keys per DeleteObjects request. */
const DELETE_BATCH = 1000;
/** Attempts of a conditional put that S3 answers with 409 (a concurrent conditional write in flight). */
const CONFLICT_ATTEMPTS = 6;

/**
 * {@link ObjectStore} over an S3 bucket (or any S3-protocol server). `putIfAbsent` is a PutObject with
 * `If-None-Match: *`, which S3 applies atomically; `localPath` downloads an object once into `cacheDir`,
 * so use it only for objects that never change (data files).
 */
export class S3ObjectStore implements ObjectStore {
  readonly rootUri: string;
  readonly #client: S3Client;
  readonly #bucket: string;
  readonly #prefix: string;
  readonly #cacheDir: string;
  readonly #downloads = new Map<string, Promise<string>>();

  constructor(options: S3ObjectStoreOptions) {
    const prefix = (options.prefix ?? '').replace(/^\/+|\/+$/g, '');
    if (prefix !== '') validateKey(prefix);
    this.#client = options.client;
    this.#bucket = options.bucket;
    this.#prefix = prefix === '' ? '' : `${prefix}/`;
    this.#cacheDir = options.cacheDir;
    this.rootUri = prefix === '' ? `s3://${options.bucket}` : `s3://${options.bucket}/${prefix}`;
  }

  async get(key: string): Promise<Uint8Array> {
    const Key = this.#key(key);
    try {
      const response = await this.#client.send(new GetObjectCommand({ Bucket: this.#bucket, Key }));
      return (await response.Body?.transformToByteArray()) ?? new Uint8Array(0);
    } catch (error) {
      throw mapNotFound(error, key);
    }
  }

  async getRange(key: string, offset: number, length: number): Promise<Uint8Array> {
    const Key = this.#key(key);
    checkRange(key, offset, length);
    if (length === 0) {
      if ((await this.head(key)) === undefined) throw new ObjectNotFoundError(key);
      return new Uint8Array(0);
    }
    try {
      const Range = `bytes=${offset}-${offset + length - 1}`;
      const response = await this.#client.send(new GetObjectCommand({ Bucket: this.#bucket, Key, Range }));
      return (await response.Body?.transformToByteArray()) ?? new Uint8Array(0);
    } catch (error) {
      // 416: the range starts at or past the end of an existing object; reads past the end are truncated.
      if (statusOf(error) === 416 || nameOf(error) === 'InvalidRange') return new Uint8Array(0);
      throw mapNotFound(error, key);
    }
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    const Key = this.#key(key);
    try {
      const response = await this.#client.send(new HeadObjectCommand({ Bucket: this.#bucket, Key }));
      return { key, size: response.ContentLength ?? 0 };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async put(key: string, body: Uint8Array): Promise<void> {
    const Key = this.#key(key);
    await this.#client.send(new PutObjectCommand({ Bucket: this.#bucket, Key, Body: body }));
  }

  async putIfAbsent(key: string, body: Uint8Array): Promise<boolean> {
    const Key = this.#key(key);
    for (let attempt = 1; ; attempt++) {
      try {
        await this.#client.send(
          new PutObjectCommand({ Bucket: this.#bucket, Key, Body: body, IfNoneMatch: '*' }),
        );
        return true;
      } catch (error) {
        if (statusOf(error) === 412 || nameOf(error) === 'PreconditionFailed') return false;
        // 409 ConditionalRequestConflict: another conditional write to this key is in flight; S3 asks us to
        // retry, and the retry then sees the winner's object (412) or wins itself.
        const conflict = statusOf(error) === 409 || nameOf(error) === 'ConditionalRequestConflict';
        if (!conflict || attempt === CONFLICT_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
      }
    }
  }

  async putFile(key: string, localPath: string): Promise<void> {
    const Key = this.#key(key);
    const { size } = await stat(localPath);
    await this.#client.send(
      new PutObjectCommand({
        Bucket: this.#bucket,
        Key,
        Body: createReadStream(localPath),
        ContentLength: size,
      }),
    );
  }

  async list(prefix: string): Promise<ObjectInfo[]> {
    validatePrefix(prefix);
    const found: ObjectInfo[] = [];
    let ContinuationToken: string | undefined;
    do {
      const response = await this.#client.send(
        new ListObjectsV2Command({ Bucket: this.#bucket, Prefix: this.#prefix + prefix, ContinuationToken }),
      );
      for (const object of response.Contents ?? []) {
        if (object.Key === undefined) continue;
        found.push({ key: object.Key.slice(this.#prefix.length), size: object.Size ?? 0 });
      }
      ContinuationToken = response.IsTruncated === true ? response.NextContinuationToken : undefined;
    } while (ContinuationToken !== undefined);
    return found.sort((a, b) => compareKeys(a.key, b.key));
  }

  async delete(keys: readonly string[]): Promise<void> {
    const objects = keys.map((key) => ({ Key: this.#key(key) }));
    for (let start = 0; start < objects.length; start += DELETE_BATCH) {
      const Objects = objects.slice(start, start + DELETE_BATCH);
      const response = await this.#client.send(
        new DeleteObjectsCommand({ Bucket: this.#bucket, Delete: { Objects, Quiet: true } }),
      );
      const failed = (response.Errors ?? []).filter((e) => e.Code !== 'NoSuchKey');
      if (failed.length > 0) {
        const sample = failed.slice(0, 3).map((e) => `${e.Key}: ${e.Code} ${e.Message}`);
        throw new FeatureStoreError(
          `could not delete ${failed.length} objects from ${this.rootUri}: ${sample.join('; ')}`,
        );
      }
    }
  }

  async localPath(key: string): Promise<string> {
    const Key = this.#key(key);
    const path = join(this.#cacheDir, this.#bucket, ...Key.split('/'));
    let download = this.#downloads.get(path);
    if (download === undefined) {
      download = this.#download(key, Key, path);
      this.#downloads.set(path, download);
      download.catch(() => this.#downloads.delete(path));
    }
    return download;
  }

  /** Downloads once into the cache; a cached file is reused, since the objects read this way never change. */
  async #download(key: string, Key: string, path: string): Promise<string> {
    if ((await stat(path).catch(() => undefined))?.isFile() === true) return path;
    await mkdir(dirname(path), { recursive: true });
    const temp = `${path}.fti-tmp-${randomUUID()}`;
    try {
      const response = await this.#client.send(new GetObjectCommand({ Bucket: this.#bucket, Key }));
      await pipeline(response.Body as Readable, createWriteStream(temp, { flags: 'wx' }));
      await rename(temp, path);
      return path;
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw mapNotFound(error, key);
    }
  }

  #key(key: string): string {
    return this.#prefix + validateKey(key);
  }
}

function nameOf(error: unknown): string | undefined {
  return (error as { name?: string } | undefined)?.name;
}

function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;
}

function isNotFound(error: unknown): boolean {
  const name = nameOf(error);
  return name !== 'NoSuchBucket' && (name === 'NoSuchKey' || name === 'NotFound' || statusOf(error) === 404);
}

function mapNotFound(error: unknown, key: string): unknown {
  return isNotFound(error) ? new ObjectNotFoundError(key, { cause: error }) : error;
}
