import type { TableMetadata } from '../iceberg/types.js';
import type { ObjectStore } from '../object-store/object-store.js';

/** A table's name inside a catalog: a namespace (database) and a table name, both `[a-z0-9_]+`. */
export interface TableIdentifier {
  namespace: string;
  name: string;
}

/** What a catalog holds for a table at one moment: its metadata and where that metadata lives. */
export interface LoadedTable {
  identifier: TableIdentifier;
  metadata: TableMetadata;
  /** Absolute URI of the current metadata JSON. */
  metadataLocation: string;
  /** Opaque token of the catalog's pointer version (Glue `VersionId`, the folder's metadata version). */
  version: string;
}

/**
 * The port tables commit through. A catalog maps an identifier to the current metadata file and swaps that
 * pointer atomically: `commitTable` fails with {@link CommitConflict} when `base` is no longer current.
 */
export interface Catalog {
  /** Object store holding the tables' data and metadata files. */
  readonly store: ObjectStore;
  /** Absolute URI of a new table's location (`<warehouse>/<namespace>/<name>`). */
  defaultLocation(id: TableIdentifier): string;
  /** Registers a new table whose metadata has no snapshot yet; throws TableExistsError. */
  createTable(id: TableIdentifier, metadata: TableMetadata): Promise<LoadedTable>;
  /** Loads the current metadata; throws TableNotFoundError. */
  loadTable(id: TableIdentifier): Promise<LoadedTable>;
  /** Writes `metadata` as the next version and swaps the pointer iff `base` is still current. */
  commitTable(base: LoadedTable, metadata: TableMetadata): Promise<LoadedTable>;
  /** Tables of a namespace, sorted by name. */
  listTables(namespace: string): Promise<TableIdentifier[]>;
  /** Removes the table from the catalog, and with `purge` every file under its location. */
  dropTable(id: TableIdentifier, options?: { purge?: boolean }): Promise<void>;
}

/** Thrown by {@link Catalog.commitTable} when another writer committed first; the caller reloads and retries. */
export class CommitConflict extends Error {
  override name = 'CommitConflict';
}
