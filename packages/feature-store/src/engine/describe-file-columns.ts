import type { DuckDb } from './duck-db.js';
import { quoteLiteral } from './sql-quote.js';
import { normalizeDuckType } from './validate-source.js';

/** A top-level column of a Parquet data file: its name there and the DuckDB type it reads as. */
export interface FileColumn {
  name: string;
  duckType: string;
}

/**
 * The top-level columns of Parquet files by Iceberg field id, read from their footers in one query: per
 * local path, field id → name and DuckDB type (columns without a field id are left out). Lets a scan read
 * files by column name when their names agree, which DuckDB parallelises by row group.
 */
export async function describeFileColumns(
  db: DuckDb,
  paths: readonly string[],
): Promise<Map<string, Map<number, FileColumn>>> {
  const result = new Map<string, Map<number, FileColumn>>();
  if (paths.length === 0) return result;
  const rows = await db.query(
    `SELECT file_name, name, num_children, field_id, duckdb_type FROM parquet_schema([${paths.map((p) => quoteLiteral(p)).join(', ')}]) ORDER BY file_name, column_id`,
  );
  // Per file the rows are a depth-first walk of the schema tree: the root, then each top-level column
  // followed by its descendants. `pending` counts the elements left in the subtree being skipped.
  let file: string | undefined;
  let columns = new Map<number, FileColumn>();
  let pending = 0;
  for (const row of rows) {
    const name = String(row.file_name);
    if (name !== file) {
      file = name;
      columns = new Map();
      result.set(name, columns);
      pending = 0;
      continue;
    }
    const children = Number(row.num_children ?? 0);
    if (pending > 0) {
      pending += children - 1;
      continue;
    }
    if (row.field_id != null && children === 0)
      columns.set(Number(row.field_id), {
        name: String(row.name),
        duckType: normalizeDuckType(String(row.duckdb_type)),
      });
    pending = children;
  }
  return result;
}
