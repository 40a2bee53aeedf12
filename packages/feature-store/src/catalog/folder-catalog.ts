import { CorruptTableError, ObjectNotFoundError, TableExistsError, TableNotFoundError } from '../errors.js';
import { parseTableMetadata, serializeTableMetadata } from '../iceberg/table-metadata.js';
import type { TableMetadata } from '../iceberg/types.js';
import type { ObjectStore } from '../object-store/object-store.js';
import { appendMetadataLog } from './append-metadata-log.js';
import { type Catalog, CommitConflict, type LoadedTable, type TableIdentifier } from './catalog.js';
import { validateIdentifier, validateName } from './validate-identifier.js';

/** Options of {@link FolderCatalog}. */
export interface FolderCatalogOptions {
  /** Warehouse root: tables live at `<namespace>/<name>/` under it (a local folder, or S3 without a metastore). */
  store: ObjectStore;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const METADATA_FILE = /^v(\d+)\.metadata\.json$/;

/**
 * {@link Catalog} of Iceberg "file system tables": `<ns>/<name>/metadata/v<N>.metadata.json` plus a
 * `version-hint.text` holding `N`. A commit creates `v<N+1>` with `putIfAbsent` (exclusive create locally,
 * `If-None-Match: *` on S3), so of several writers from the same base exactly one wins; the hint is only a
 * hint, and readers probe past it. `commitTable` appends the base's metadata file to `metadata-log`.
 * The `version` token of a loaded table is `N`.
 */
export class FolderCatalog implements Catalog {
  readonly store: ObjectStore;

  constructor(options: FolderCatalogOptions) {
    this.store = options.store;
  }

  defaultLocation(id: TableIdentifier): string {
    validateIdentifier(id);
    return `${this.store.rootUri}/${id.namespace}/${id.name}`;
  }

  async createTable(id: TableIdentifier, metadata: TableMetadata): Promise<LoadedTable> {
    const table = validateIdentifier(id);
    // A table whose pointer was lost (hint deleted) still counts as existing if any version is there.
    if ((await this.#findVersion(id)) !== undefined) throw new TableExistsError(table);
    const loaded = await this.#writeVersion(id, 1, metadata);
    if (loaded === undefined) throw new TableExistsError(table);
    return loaded;
  }

  async loadTable(id: TableIdentifier): Promise<LoadedTable> {
    const table = validateIdentifier(id);
    const version = await this.#findVersion(id);
    if (version === undefined) throw new TableNotFoundError(table);
    const key = this.#metadataKey(id, version);
    let json: Uint8Array;
    try {
      json = await this.store.get(key);
    } catch (error) {
      if (error instanceof ObjectNotFoundError) throw new TableNotFoundError(table);
      throw error;
    }
    const metadataLocation = `${this.store.rootUri}/${key}`;
    const metadata = parseTableMetadata(decoder.decode(json), metadataLocation);
    return { identifier: { ...id }, metadata, metadataLocation, version: String(version) };
  }

  async commitTable(base: LoadedTable, metadata: TableMetadata): Promise<LoadedTable> {
    const table = validateIdentifier(base.identifier);
    const current = Number(base.version);
    if (!Number.isSafeInteger(current) || current < 1) {
      throw new CorruptTableError(
        `version token \`${base.version}\` of \`${table}\` is not a folder catalog version; load the table from this catalog`,
        base.metadataLocation,
      );
    }
    const loaded = await this.#writeVersion(base.identifier, current + 1, appendMetadataLog(base, metadata));
    if (loaded === undefined) {
      throw new CommitConflict(
        `table \`${table}\` changed while committing (version ${current} → ${current + 1} exists); reload and retry`,
      );
    }
    return loaded;
  }

  async listTables(namespace: string): Promise<TableIdentifier[]> {
    validateName(namespace, 'namespace');
    const names = new Set<string>();
    for (const { key } of await this.store.list(`${namespace}/`)) {
      const [, name, folder, file] = key.split('/');
      if (name !== undefined && folder === 'metadata' && file !== undefined && METADATA_FILE.test(file)) {
        names.add(name);
      }
    }
    return [...names].sort().map((name) => ({ namespace, name }));
  }

  async dropTable(id: TableIdentifier, options: { purge?: boolean } = {}): Promise<void> {
    const table = validateIdentifier(id);
    const prefix = `${id.namespace}/${id.name}/`;
    const objects = await this.store.list(prefix);
    const metadata = objects.filter(({ key }) => isPointerFile(key.slice(prefix.length)));
    if (metadata.length === 0) throw new TableNotFoundError(table);
    // Without purge only the catalog's own files go (metadata JSON and hint); data and manifests stay.
    await this.store.delete((options.purge === true ? objects : metadata).map((o) => o.key));
  }

  /** Writes version `version` exclusively and then the hint; `undefined` when that version exists. */
  async #writeVersion(
    id: TableIdentifier,
    version: number,
    metadata: TableMetadata,
  ): Promise<LoadedTable | undefined> {
    const key = this.#metadataKey(id, version);
    const json = serializeTableMetadata(metadata);
    if (!(await this.store.putIfAbsent(key, encoder.encode(json)))) return undefined;
    try {
      await this.store.put(this.#hintKey(id), encoder.encode(String(version)));
    } catch {
      // The commit already happened; a stale hint is only slower to read (readers probe past it).
    }
    return {
      identifier: { ...id },
      metadata,
      metadataLocation: `${this.store.rootUri}/${key}`,
      version: String(version),
    };
  }

  /** The newest existing version: hint, then probes past it; lists the folder when the hint is unusable. */
  async #findVersion(id: TableIdentifier): Promise<number | undefined> {
    let version = await this.#readHint(id);
    if (version === undefined || (await this.store.head(this.#metadataKey(id, version))) === undefined) {
      version = await this.#listNewestVersion(id);
      if (version === undefined) return undefined;
    }
    while ((await this.store.head(this.#metadataKey(id, version + 1))) !== undefined) version += 1;
    return version;
  }

  async #readHint(id: TableIdentifier): Promise<number | undefined> {
    try {
      const text = decoder.decode(await this.store.get(this.#hintKey(id))).trim();
      const version = /^\d+$/.test(text) ? Number(text) : Number.NaN;
      return Number.isSafeInteger(version) && version >= 1 ? version : undefined;
    } catch (error) {
      if (error instanceof ObjectNotFoundError) return undefined;
      throw error;
    }
  }

  async #listNewestVersion(id: TableIdentifier): Promise<number | undefined> {
    const prefix = `${id.namespace}/${id.name}/metadata/`;
    let newest: number | undefined;
    for (const { key } of await this.store.list(prefix)) {
      const match = METADATA_FILE.exec(key.slice(prefix.length));
      if (match?.[1] !== undefined) newest = Math.max(newest ?? 0, Number(match[1]));
    }
    return newest;
  }

  #metadataKey(id: TableIdentifier, version: number): string {
    return `${id.namespace}/${id.name}/metadata/v${version}.metadata.json`;
  }

  #hintKey(id: TableIdentifier): string {
    return `${id.namespace}/${id.name}/metadata/version-hint.text`;
  }
}

function isPointerFile(relative: string): boolean {
  const [folder, file, ...rest] = relative.split('/');
  return (
    folder === 'metadata' &&
    rest.length === 0 &&
    file !== undefined &&
    (METADATA_FILE.test(file) || file === 'version-hint.text')
  );
}
