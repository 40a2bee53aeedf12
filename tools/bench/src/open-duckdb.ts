import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

/** Opens an in-memory DuckDB database with its default settings (all cores) and returns a connection. */
export async function openDuckDb(): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:');
  return instance.connect();
}
