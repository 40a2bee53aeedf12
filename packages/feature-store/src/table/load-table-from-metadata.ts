import type { Catalog, LoadedTable, TableIdentifier } from '../catalog/catalog.js';
import { ObjectNotFoundError, TableNotFoundError, UnsupportedTableError } from '../errors.js';
import { parseTableMetadata } from '../iceberg/table-metadata.js';
import type { TableMetadata } from '../iceberg/types.js';
import type { ObjectStore } from '../object-store/object-store.js';
import { FileIo } from './file-io.js';
import type { Table, TableEnv } from './table-env.js';

/** A foreign URI prefix served from a store, e.g. `s3a://bucket` from a local copy of the bucket. */
export interface MetadataAlias {
  /** URI prefix without a trailing slash, e.g. `s3://hyperparam-iceberg`. */
  uriPrefix: string;
  store: ObjectStore;
  /** Key prefix under `store` the URI's rest is appended to. Default: none (the store's root). */
  keyPrefix?: string;
}

/** Options of {@link loadTableFromMetadata}. */
export interface LoadTableFromMetadataOptions {
  /** Extra read mounts for the URIs the metadata and manifests hold. Default: only the env's own store. */
  aliases?: MetadataAlias[];
  /** Name shown in descriptions and errors. Default: the last two segments of the table's location. */
  identifier?: TableIdentifier;
}

const decoder = new TextDecoder();

/**
 * Opens a table read-only from one metadata JSON file (a "static table", as written by Spark, Java or
 * Athena), without a catalog: every read verb works (any snapshot, deletes applied, columns by field id),
 * and any commit or file write throws an UnsupportedTableError naming the metadata file.
 * @throws TableNotFoundError when the file does not exist; CorruptTableError when it is not table metadata;
 * UnsupportedTableError for a format version above 2.
 */
export async function loadTableFromMetadata(
  env: TableEnv,
  metadataUri: string,
  options: LoadTableFromMetadataOptions = {},
): Promise<Table> {
  const files = new StaticFileIo(env.files.store, options.aliases ?? [], metadataUri);
  let bytes: Uint8Array;
  try {
    bytes = await files.read(metadataUri);
  } catch (error) {
    if (error instanceof ObjectNotFoundError) throw new TableNotFoundError(metadataUri);
    throw error;
  }
  const metadata = parseTableMetadata(decoder.decode(bytes), metadataUri);
  const loaded: LoadedTable = {
    identifier: options.identifier ?? identifierOf(metadata),
    metadata,
    metadataLocation: metadataUri,
    version: 'static',
  };
  return { env: { ...env, files, catalog: new StaticCatalog(env.files.store, loaded) }, loaded };
}

function readOnlyError(metadataUri: string): UnsupportedTableError {
  return new UnsupportedTableError(
    `table \`${metadataUri}\` was opened read-only from its metadata file (no catalog to commit to); ` +
      'load it through its catalog (loadTable) to write to it',
  );
}

/** File access that reads through every mount but refuses to name a file for writing. */
class StaticFileIo extends FileIo {
  constructor(
    store: ObjectStore,
    aliases: MetadataAlias[],
    private readonly metadataUri: string,
  ) {
    super(store, aliases);
  }

  override keyOf(_uri: string): string {
    throw readOnlyError(this.metadataUri);
  }
}

/** A catalog holding exactly one table at one metadata file; it refuses every change. */
class StaticCatalog implements Catalog {
  constructor(
    readonly store: ObjectStore,
    private readonly table: LoadedTable,
  ) {}

  defaultLocation(): string {
    return this.table.metadata.location;
  }

  createTable(): Promise<LoadedTable> {
    return Promise.reject(readOnlyError(this.table.metadataLocation));
  }

  async loadTable(id: TableIdentifier): Promise<LoadedTable> {
    if (id.namespace !== this.table.identifier.namespace || id.name !== this.table.identifier.name) {
      throw new TableNotFoundError(`${id.namespace}.${id.name}`);
    }
    return this.table;
  }

  commitTable(): Promise<LoadedTable> {
    return Promise.reject(readOnlyError(this.table.metadataLocation));
  }

  async listTables(namespace: string): Promise<TableIdentifier[]> {
    return namespace === this.table.identifier.namespace ? [{ ...this.table.identifier }] : [];
  }

  dropTable(): Promise<void> {
    return Promise.reject(readOnlyError(this.table.metadataLocation));
  }
}

function identifierOf(metadata: TableMetadata): TableIdentifier {
  const segments = metadata.location.replace(/\/+$/, '').split('/');
  return { namespace: segments.at(-2) ?? '', name: segments.at(-1) ?? '' };
}
