import type { DuckDBConnection } from '@duckdb/node-api';

/** Options of {@link writeParquet}. */
export interface WriteParquetOptions {
  /** An open DuckDB connection. */
  connection: DuckDBConnection;
  /** The `SELECT` whose rows are written, e.g. from `transactionsSql`. */
  sql: string;
  /** Output file path; overwritten. */
  out: string;
  /** Rows per Parquet row group. Default 122,880 (DuckDB's default). */
  rowGroupSize?: number;
}

/**
 * Writes the rows of a query to one Parquet file with zstd compression, through DuckDB's `COPY`.
 * @returns The number of rows written.
 */
export async function writeParquet(options: WriteParquetOptions): Promise<number> {
  const { connection, sql, out, rowGroupSize = 122_880 } = options;
  const target = out.replaceAll("'", "''");
  const result = await connection.run(
    `COPY (${sql}) TO '${target}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${rowGroupSize})`,
  );
  return Number(result.rowsChanged);
}
