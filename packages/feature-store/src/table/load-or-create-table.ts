import { TableExistsError, TableNotFoundError } from '../errors.js';
import { type CreateTableOptions, createTable, loadTable } from './create-table.js';
import type { Table, TableEnv } from './table-env.js';

/**
 * Loads the table, or creates it with `options` on first use. A writer racing to create the same table
 * (another shard, another job) is not an error: whoever loses loads the winner's table. An existing table
 * is returned as it is, whatever its schema.
 */
export async function loadOrCreateTable(env: TableEnv, options: CreateTableOptions): Promise<Table> {
  const id = { namespace: options.namespace, name: options.name };
  try {
    return await loadTable(env, id);
  } catch (error) {
    if (!(error instanceof TableNotFoundError)) throw error;
  }
  try {
    return await createTable(env, options);
  } catch (error) {
    if (!(error instanceof TableExistsError)) throw error;
    return loadTable(env, id);
  }
}
