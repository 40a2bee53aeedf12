/** Which SQL dialect an engine speaks; the same names as the feature compiler's dialects. */
export type EngineDialect = 'duckdb' | 'athena';

/** The value type of a result column, as the pipeline sees it (engine types are mapped onto these). */
export type QueryValueType =
  | 'boolean'
  | 'int'
  | 'long'
  | 'double'
  | 'decimal'
  | 'string'
  | 'date'
  | 'timestamp'
  | 'other';

/**
 * One cell: `boolean`; `number` for int and double (NaN and ±Infinity included); `bigint` for long;
 * `string` for decimal (exact digits), string, date (`YYYY-MM-DD`) and other (the engine's text form);
 * `Date` for timestamp (UTC, millisecond precision); `null` for SQL NULL.
 */
export type QueryValue = boolean | number | bigint | string | Date | null;

/** One result column: its name, its type and its values, one per row. */
export interface QueryColumn {
  name: string;
  type: QueryValueType;
  values: QueryValue[];
}

/** A small query result, column by column. */
export interface QueryResult {
  columns: QueryColumn[];
  rowCount: number;
  /** The engine's id of the query (Athena's QueryExecutionId); undefined for the embedded engine. */
  queryId?: string;
}

/** Options of {@link QueryEngine.run} and {@link QueryEngine.unloadToParquet}. */
export interface RunOptions {
  /** Cancels the query (Athena: StopQueryExecution) and rejects with `QueryCancelledError`. Default none. */
  signal?: AbortSignal;
  /** Cancels the query after this many ms and rejects with `QueryTimeoutError`. Default: the engine's. */
  timeoutMs?: number;
}

/** Where an unloaded query's Parquet files are. */
export interface UnloadResult {
  /** The Parquet files, sorted: absolute local paths (DuckDB) or `s3://bucket/key` URIs (Athena). */
  uris: string[];
  /** The engine's id of the query (Athena's QueryExecutionId); undefined for the embedded engine. */
  queryId?: string;
}

/**
 * The port the feature pipeline runs SQL through: a small result comes back as typed columns, a large one
 * is written as Parquet files the pipeline reads itself. Adapters: `DuckDbEngine` (embedded, real SQL) and
 * `AthenaEngine` (AWS Athena, Trino SQL). The SQL must be in the engine's {@link QueryEngine.dialect}.
 */
export interface QueryEngine {
  readonly dialect: EngineDialect;
  /** Runs a query whose result is small enough to hold in memory (Athena pages it, 1000 rows a call). */
  run(sql: string, options?: RunOptions): Promise<QueryResult>;
  /** Runs a `SELECT` and writes its result as Parquet files into a new, empty location. */
  unloadToParquet(sql: string, options?: RunOptions): Promise<UnloadResult>;
}
