import { randomUUID } from 'node:crypto';
import { constants, type Dirent } from 'node:fs';
import {
  copyFile,
  link,
  mkdir,
  open,
  readdir,
  readFile,
  rename,
  rmdir,
  stat,
  unlink,
  writeFile,
} from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ObjectNotFoundError } from '../errors.js';
import { checkRange } from './check-range.js';
import { compareKeys } from './compare-keys.js';
import type { ObjectInfo, ObjectStore } from './object-store.js';
import { validateKey, validatePrefix } from './validate-key.js';

/** Options of {@link LocalObjectStore}. */
export interface LocalObjectStoreOptions {
  /** Folder holding the objects, absolute or relative to the working directory; created on first write. */
  root: string;
}

/** Marks in-flight temporary files so that listings skip them. */
const TEMP_MARK = '.fti-tmp-';
const TEMP_PATTERN = /\.fti-tmp-[0-9a-f-]{36}$/;

/**
 * {@link ObjectStore} over a local folder: one file per object, keys map to relative paths. Writes go to a
 * temporary file beside the target and are renamed (put) or hard-linked (putIfAbsent) into place, so
 * readers never see a partial object and exactly one of several racing `putIfAbsent` calls wins.
 */
export class LocalObjectStore implements ObjectStore {
  readonly rootUri: string;
  readonly #root: string;

  constructor(options: LocalObjectStoreOptions) {
    this.#root = resolve(options.root);
    this.rootUri = pathToFileURL(this.#root).href.replace(/\/+$/, '');
  }

  async get(key: string): Promise<Uint8Array> {
    const path = this.#path(key);
    try {
      return new Uint8Array(await readFile(path));
    } catch (error) {
      throw mapNotFound(error, key);
    }
  }

  async getRange(key: string, offset: number, length: number): Promise<Uint8Array> {
    const path = this.#path(key);
    checkRange(key, offset, length);
    let handle: Awaited<ReturnType<typeof open>>;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      throw mapNotFound(error, key);
    }
    try {
      const buffer = new Uint8Array(length);
      let filled = 0;
      while (filled < length) {
        const { bytesRead } = await handle.read(buffer, filled, length - filled, offset + filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return filled === length ? buffer : buffer.slice(0, filled);
    } catch (error) {
      throw mapNotFound(error, key);
    } finally {
      await handle.close();
    }
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    const path = this.#path(key);
    try {
      const info = await stat(path);
      return info.isFile() ? { key, size: info.size } : undefined;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async put(key: string, body: Uint8Array): Promise<void> {
    const path = this.#path(key);
    const temp = await this.#writeTemp(path, body);
    try {
      await rename(temp, path);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
  }

  async putIfAbsent(key: string, body: Uint8Array): Promise<boolean> {
    const path = this.#path(key);
    // The full contents are written first and then linked into place: link fails with EEXIST when the
    // target exists, so creation is exclusive and a reader never sees a half-written commit file.
    const temp = await this.#writeTemp(path, body);
    try {
      await link(temp, path);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    } finally {
      await unlink(temp).catch(() => undefined);
    }
  }

  async putFile(key: string, localPath: string): Promise<void> {
    const path = this.#path(key);
    await mkdir(dirname(path), { recursive: true });
    const temp = `${path}${TEMP_MARK}${randomUUID()}`;
    try {
      await copyFile(localPath, temp, constants.COPYFILE_EXCL);
      await rename(temp, path);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
  }

  async list(prefix: string): Promise<ObjectInfo[]> {
    validatePrefix(prefix);
    // Walk only the deepest folder the prefix names completely; its last segment may be partial.
    const folder = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '';
    const found: ObjectInfo[] = [];
    await this.#walk(folder, prefix, found);
    return found.sort((a, b) => compareKeys(a.key, b.key));
  }

  async delete(keys: readonly string[]): Promise<void> {
    const paths = keys.map((key) => this.#path(key));
    for (const path of paths) {
      try {
        await unlink(path);
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
      await this.#pruneEmptyFolders(dirname(path));
    }
  }

  async localPath(key: string): Promise<string> {
    const path = this.#path(key);
    if ((await this.head(key)) === undefined) throw new ObjectNotFoundError(key);
    return path;
  }

  #path(key: string): string {
    validateKey(key);
    return this.#root + sep + key.split('/').join(sep);
  }

  async #writeTemp(path: string, body: Uint8Array): Promise<string> {
    const temp = `${path}${TEMP_MARK}${randomUUID()}`;
    for (let attempt = 1; ; attempt++) {
      await mkdir(dirname(path), { recursive: true });
      try {
        await writeFile(temp, body, { flag: 'wx' });
        return temp;
      } catch (error) {
        // A concurrent delete may prune the folder between mkdir and write: make it again.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || attempt === 3) throw error;
      }
    }
  }

  /** Removes folders left empty by a delete, up to the root, so a key may later name a former folder. */
  async #pruneEmptyFolders(folder: string): Promise<void> {
    for (let current = folder; current.startsWith(this.#root + sep); current = dirname(current)) {
      try {
        await rmdir(current);
      } catch {
        return;
      }
    }
  }

  async #walk(folder: string, prefix: string, found: ObjectInfo[]): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await readdir(folder === '' ? this.#root : join(this.#root, folder), { withFileTypes: true });
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    for (const entry of entries) {
      const key = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory()) {
        if (key.startsWith(prefix) || prefix.startsWith(`${key}/`)) await this.#walk(key, prefix, found);
      } else if (entry.isFile() && key.startsWith(prefix) && !TEMP_PATTERN.test(entry.name)) {
        const info = await stat(join(this.#root, key)).catch(() => undefined);
        if (info !== undefined) found.push({ key, size: info.size });
      }
    }
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function mapNotFound(error: unknown, key: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  return isMissing(error) || code === 'EISDIR' ? new ObjectNotFoundError(key, { cause: error }) : error;
}
