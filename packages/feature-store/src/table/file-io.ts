import { InvalidKeyError } from '../errors.js';
import type { ObjectStore } from '../object-store/object-store.js';

/**
 * Reads and writes files by the absolute URIs Iceberg metadata holds, through the {@link ObjectStore} whose
 * root they fall under. `aliases` maps foreign URI prefixes onto stores, e.g. tables written by Spark as
 * `s3a://bucket/...` served from a local copy.
 */
export class FileIo {
  private readonly mounts: { prefix: string; store: ObjectStore; keyPrefix: string }[];

  constructor(
    /** The store new files are written to. */
    readonly store: ObjectStore,
    /** Extra read-only mounts: URI prefix (no trailing slash) → store and key prefix under it. Default none. */
    aliases: { uriPrefix: string; store: ObjectStore; keyPrefix?: string }[] = [],
  ) {
    this.mounts = [
      { prefix: store.rootUri, store, keyPrefix: '' },
      ...aliases.map((a) => ({
        prefix: a.uriPrefix.replace(/\/+$/, ''),
        store: a.store,
        keyPrefix: a.keyPrefix ?? '',
      })),
    ].sort((a, b) => b.prefix.length - a.prefix.length);
  }

  /** The store and key holding `uri`; throws InvalidKeyError for a URI outside every mount. */
  resolve(uri: string): { store: ObjectStore; key: string } {
    for (const mount of this.mounts) {
      if (uri.startsWith(`${mount.prefix}/`)) {
        const rest = uri.slice(mount.prefix.length + 1);
        return { store: mount.store, key: mount.keyPrefix ? `${mount.keyPrefix}/${rest}` : rest };
      }
    }
    throw new InvalidKeyError(uri, `it is outside the warehouse \`${this.store.rootUri}\``);
  }

  /** The key of `uri` in the writable store. */
  keyOf(uri: string): string {
    const { store, key } = this.resolve(uri);
    if (store !== this.store) throw new InvalidKeyError(uri, 'it is on a read-only mount');
    return key;
  }

  /** Whole file contents. */
  read(uri: string): Promise<Uint8Array> {
    const { store, key } = this.resolve(uri);
    return store.get(key);
  }

  /** A local path to read the file from (downloaded once for remote stores). */
  localPath(uri: string): Promise<string> {
    const { store, key } = this.resolve(uri);
    return store.localPath(key);
  }
}
