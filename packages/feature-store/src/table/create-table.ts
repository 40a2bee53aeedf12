import type { TableIdentifier } from '../catalog/catalog.js';
import { newTableMetadata } from '../iceberg/new-table-metadata.js';
import { createPartitionSpec, type PartitionDefinition } from '../iceberg/partition.js';
import { type ColumnDefinition, createSchema } from '../iceberg/schema.js';
import { newUuid } from './random-ids.js';
import type { Table, TableEnv } from './table-env.js';

/** Options of {@link createTable}. */
export interface CreateTableOptions extends TableIdentifier {
  /** Columns in order; field ids 1..n are assigned and kept for the table's life. */
  columns: ColumnDefinition[];
  /** Partitioning, e.g. `[{ column: 'feature_date', transform: 'month' }]`. Default: unpartitioned. */
  partition?: PartitionDefinition;
  /** Table properties (strings). Default none. */
  properties?: Record<string, string>;
}

/** Creates an empty Iceberg v2 table in the environment's catalog; throws TableExistsError if it exists. */
export async function createTable(env: TableEnv, options: CreateTableOptions): Promise<Table> {
  const id = { namespace: options.namespace, name: options.name };
  const schema = createSchema(options.columns);
  const spec = createPartitionSpec(options.partition ?? [], schema);
  const metadata = newTableMetadata({
    location: env.catalog.defaultLocation(id),
    schema,
    spec,
    properties: { 'write.format.default': 'parquet', ...(options.properties ?? {}) },
    tableUuid: newUuid(env.random),
    nowMs: env.now(),
  });
  return { env, loaded: await env.catalog.createTable(id, metadata) };
}

/** Loads a table's current metadata from the catalog; throws TableNotFoundError. */
export async function loadTable(env: TableEnv, id: TableIdentifier): Promise<Table> {
  return { env, loaded: await env.catalog.loadTable(id) };
}
