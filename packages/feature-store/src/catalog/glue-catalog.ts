import { randomUUID } from 'node:crypto';
import {
  AlreadyExistsException,
  ConcurrentModificationException,
  CreateDatabaseCommand,
  CreateTableCommand,
  DeleteTableCommand,
  EntityNotFoundException,
  GetDatabaseCommand,
  GetTableCommand,
  GetTablesCommand,
  type GlueClient,
  type Table,
  UpdateTableCommand,
} from '@aws-sdk/client-glue';
import {
  CorruptTableError,
  ObjectNotFoundError,
  TableExistsError,
  TableNotFoundError,
  UnsupportedTableError,
} from '../errors.js';
import { parseTableMetadata, serializeTableMetadata } from '../iceberg/table-metadata.js';
import type { TableMetadata } from '../iceberg/types.js';
import type { ObjectStore } from '../object-store/object-store.js';
import { appendMetadataLog } from './append-metadata-log.js';
import { type Catalog, CommitConflict, type LoadedTable, type TableIdentifier } from './catalog.js';
import { glueTableInput } from './glue-table-input.js';
import { validateIdentifier, validateName } from './validate-identifier.js';

/** Options of {@link GlueCatalog}. */
export interface GlueCatalogOptions {
  /** Configured Glue client (region, credentials, endpoint). */
  glue: GlueClient;
  /** Where tables' files live; new tables go to `<store.rootUri>/<namespace>/<name>`. */
  store: ObjectStore;
  /** How a missing Glue database (one per namespace) is created; default location `<rootUri>/<namespace>`. */
  database?: { description?: string };
  /** Source of the uuid in metadata file names; default `crypto.randomUUID`. */
  randomId?: () => string;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const METADATA_VERSION = /\/(\d+)-[^/]*\.metadata\.json$/;

/**
 * {@link Catalog} on AWS Glue, the way Athena reads Iceberg: each commit writes
 * `<location>/metadata/<NNNNN>-<uuid>.metadata.json` and swaps the Glue table's `metadata_location` with
 * `UpdateTable` guarded by the `VersionId` read just before (and a check that the pointer still equals the
 * base's). Commits through one instance are serialised per table, which also keeps emulators that do not
 * enforce `VersionId` correct. `commitTable` appends the base's metadata file to `metadata-log`. The
 * `version` token of a loaded table is Glue's `VersionId`.
 */
export class GlueCatalog implements Catalog {
  readonly store: ObjectStore;
  readonly #glue: GlueClient;
  readonly #database: { description?: string };
  readonly #randomId: () => string;
  readonly #locks = new Map<string, Promise<unknown>>();

  constructor(options: GlueCatalogOptions) {
    this.store = options.store;
    this.#glue = options.glue;
    this.#database = options.database ?? {};
    this.#randomId = options.randomId ?? randomUUID;
  }

  defaultLocation(id: TableIdentifier): string {
    validateIdentifier(id);
    return `${this.store.rootUri}/${id.namespace}/${id.name}`;
  }

  async createTable(id: TableIdentifier, metadata: TableMetadata): Promise<LoadedTable> {
    const table = validateIdentifier(id);
    await this.#ensureDatabase(id.namespace);
    const metadataLocation = await this.#writeMetadata(metadata, 0);
    const TableInput = glueTableInput({ name: id.name, metadata, metadataLocation });
    try {
      await this.#glue.send(new CreateTableCommand({ DatabaseName: id.namespace, TableInput }));
    } catch (error) {
      if (!(error instanceof AlreadyExistsException)) throw error;
      await this.store.delete([this.#keyOf(metadataLocation)]);
      throw new TableExistsError(table);
    }
    const version = (await this.#getTable(id)).VersionId ?? '';
    return { identifier: { ...id }, metadata, metadataLocation, version };
  }

  async loadTable(id: TableIdentifier): Promise<LoadedTable> {
    const table = validateIdentifier(id);
    const glueTable = await this.#getTable(id);
    const metadataLocation = pointerOf(glueTable, table);
    let json: Uint8Array;
    try {
      json = await this.store.get(this.#keyOf(metadataLocation));
    } catch (error) {
      if (!(error instanceof ObjectNotFoundError)) throw error;
      throw new CorruptTableError(
        `Glue table \`${table}\` points at metadata \`${metadataLocation}\`, which does not exist; restore the file or re-point metadata_location`,
        metadataLocation,
        { cause: error },
      );
    }
    const metadata = parseTableMetadata(decoder.decode(json), metadataLocation);
    return { identifier: { ...id }, metadata, metadataLocation, version: glueTable.VersionId ?? '' };
  }

  async commitTable(base: LoadedTable, metadata: TableMetadata): Promise<LoadedTable> {
    const table = validateIdentifier(base.identifier);
    const id = base.identifier;
    const next = appendMetadataLog(base, metadata);
    const baseVersion = Number(
      METADATA_VERSION.exec(base.metadataLocation)?.[1] ?? next.metadataLog.length - 1,
    );
    const metadataLocation = await this.#writeMetadata(next, baseVersion + 1);
    const conflict = async (detail: string, cause?: unknown): Promise<never> => {
      await this.store.delete([this.#keyOf(metadataLocation)]);
      throw new CommitConflict(`table \`${table}\` changed while committing (${detail}); reload and retry`, {
        cause,
      });
    };
    const version = await this.#serialised(table, async () => {
      const current = await this.#getTable(id);
      const pointer = pointerOf(current, table);
      if (pointer !== base.metadataLocation) return conflict(`it now points at ${pointer}`);
      const TableInput = glueTableInput({
        name: id.name,
        metadata: next,
        metadataLocation,
        previousMetadataLocation: base.metadataLocation,
        parameters: current.Parameters ?? {},
      });
      try {
        await this.#glue.send(
          new UpdateTableCommand({ DatabaseName: id.namespace, TableInput, VersionId: current.VersionId }),
        );
      } catch (error) {
        if (error instanceof ConcurrentModificationException)
          return conflict('Glue VersionId moved on', error);
        throw error;
      }
      // Glue's VersionId counts updates; ours was the one after the VersionId we guarded with.
      const read = Number(current.VersionId);
      return Number.isSafeInteger(read) ? String(read + 1) : '';
    });
    return { identifier: { ...id }, metadata: next, metadataLocation, version };
  }

  async listTables(namespace: string): Promise<TableIdentifier[]> {
    validateName(namespace, 'namespace');
    const names: string[] = [];
    let NextToken: string | undefined;
    try {
      do {
        const page = await this.#glue.send(new GetTablesCommand({ DatabaseName: namespace, NextToken }));
        for (const table of page.TableList ?? []) {
          if (table.Name !== undefined && isIceberg(table)) names.push(table.Name);
        }
        NextToken = page.NextToken;
      } while (NextToken !== undefined && NextToken !== '');
    } catch (error) {
      if (error instanceof EntityNotFoundException) return [];
      throw error;
    }
    return names.sort().map((name) => ({ namespace, name }));
  }

  async dropTable(id: TableIdentifier, options: { purge?: boolean } = {}): Promise<void> {
    const table = validateIdentifier(id);
    const glueTable = await this.#getTable(id);
    try {
      await this.#glue.send(new DeleteTableCommand({ DatabaseName: id.namespace, Name: id.name }));
    } catch (error) {
      if (error instanceof EntityNotFoundException) throw new TableNotFoundError(table);
      throw error;
    }
    if (options.purge !== true) return;
    const location =
      glueTable.StorageDescriptor?.Location ?? pointerOf(glueTable, table).replace(/\/metadata\/[^/]+$/, '');
    const prefix = `${this.#keyOf(location)}/`;
    await this.store.delete((await this.store.list(prefix)).map((o) => o.key));
  }

  async #getTable(id: TableIdentifier): Promise<Table> {
    try {
      const response = await this.#glue.send(
        new GetTableCommand({ DatabaseName: id.namespace, Name: id.name }),
      );
      if (response.Table !== undefined) return response.Table;
    } catch (error) {
      if (!(error instanceof EntityNotFoundException)) throw error;
    }
    throw new TableNotFoundError(`${id.namespace}.${id.name}`);
  }

  async #ensureDatabase(name: string): Promise<void> {
    try {
      await this.#glue.send(new GetDatabaseCommand({ Name: name }));
      return;
    } catch (error) {
      if (!(error instanceof EntityNotFoundException)) throw error;
    }
    const description = this.#database.description;
    const DatabaseInput = {
      Name: name,
      LocationUri: `${this.store.rootUri}/${name}`,
      ...(description === undefined ? {} : { Description: description }),
    };
    try {
      await this.#glue.send(new CreateDatabaseCommand({ DatabaseInput }));
    } catch (error) {
      if (!(error instanceof AlreadyExistsException)) throw error;
    }
  }

  /** Writes `<location>/metadata/<NNNNN>-<uuid>.metadata.json` exclusively and returns its URI. */
  async #writeMetadata(metadata: TableMetadata, version: number): Promise<string> {
    const uri = `${metadata.location}/metadata/${String(version).padStart(5, '0')}-${this.#randomId()}.metadata.json`;
    const written = await this.store.putIfAbsent(
      this.#keyOf(uri),
      encoder.encode(serializeTableMetadata(metadata)),
    );
    if (!written)
      throw new CommitConflict(
        `metadata file \`${uri}\` already exists; the random id source repeated itself`,
      );
    return uri;
  }

  /** The store key of an absolute URI under the store's root. */
  #keyOf(uri: string): string {
    const root = `${this.store.rootUri}/`;
    if (!uri.startsWith(root)) {
      throw new UnsupportedTableError(
        `\`${uri}\` is outside this catalog's store \`${this.store.rootUri}\`; give the GlueCatalog a store rooted above the table's location`,
      );
    }
    return uri.slice(root.length);
  }

  /** Runs `task` after every earlier task on the same table started through this instance has settled. */
  async #serialised<T>(table: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#locks.get(table) ?? Promise.resolve();
    const run = previous.then(task, task);
    const settled = run.catch(() => undefined);
    this.#locks.set(table, settled);
    try {
      return await run;
    } finally {
      if (this.#locks.get(table) === settled) this.#locks.delete(table);
    }
  }
}

function isIceberg(table: Table): boolean {
  return table.Parameters?.table_type?.toUpperCase() === 'ICEBERG';
}

/** The Glue table's `metadata_location`, checking that it is an Iceberg table. */
function pointerOf(table: Table, name: string): string {
  if (!isIceberg(table)) {
    throw new UnsupportedTableError(
      `Glue table \`${name}\` is not an Iceberg table (parameter table_type is not ICEBERG)`,
    );
  }
  const location = table.Parameters?.metadata_location;
  if (location === undefined || location === '') {
    throw new CorruptTableError(`Glue table \`${name}\` has no metadata_location parameter`, name);
  }
  return location;
}
