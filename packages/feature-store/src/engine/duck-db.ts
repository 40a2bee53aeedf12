import { DuckDBConnection, type DuckDBDataChunk, DuckDBInstance, type DuckDBType } from '@duckdb/node-api';

/** Options of {@link DuckDb.open}. */
export interface DuckDbOptions {
  /** Worker threads DuckDB may use; default: DuckDB's own (all cores). */
  threads?: number;
  /** Memory cap before DuckDB spills to `tempDirectory`, e.g. `'2GB'`; default: DuckDB's own (80% of RAM). */
  memoryLimit?: string;
  /** Folder for spilled data; default: DuckDB's own (`<database>.tmp`, in-memory databases spill nowhere). */
  tempDirectory?: string;
}

/** Column names and types of a streamed result, then its chunks. */
export interface ChunkStream {
  names: string[];
  types: DuckDBType[];
  /** The result's data chunks (up to 2048 rows each), in order. */
  chunks: AsyncIterable<DuckDBDataChunk>;
}

/**
 * One in-memory DuckDB database (no extension loaded beyond the built-in parquet, json and icu) and its
 * main connection. Sessions run in UTC so `TIMESTAMPTZ` values, stats and casts never depend on the host's
 * time zone. Close it with {@link DuckDb.close} when done.
 */
export class DuckDb {
  private readonly extraConnections = new Set<DuckDBConnection>();
  private closed = false;

  private constructor(
    readonly instance: DuckDBInstance,
    /** The main connection: temp tables created through {@link DuckDb.run} live here. */
    readonly connection: DuckDBConnection,
  ) {}

  /** Opens an in-memory database with the given resource limits. */
  static async open(options: DuckDbOptions = {}): Promise<DuckDb> {
    const config: Record<string, string> = {};
    if (options.threads !== undefined) config.threads = String(options.threads);
    if (options.memoryLimit !== undefined) config.memory_limit = options.memoryLimit;
    if (options.tempDirectory !== undefined) config.temp_directory = options.tempDirectory;
    const instance = await DuckDBInstance.create(':memory:', config);
    const connection = await instance.connect();
    await prepareSession(connection);
    return new DuckDb(instance, connection);
  }

  /** Runs one or more SQL statements on the main connection, discarding any result. */
  async run(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  /** Runs a query on the main connection and returns its rows as JS objects (small results only). */
  async query(sql: string): Promise<Record<string, unknown>[]> {
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getRowObjectsJS() as Record<string, unknown>[];
  }

  /**
   * Streams a query's result chunk by chunk on a connection of its own, so several streams (and statements
   * on the main connection) can be in flight at once. The connection closes when the iteration ends.
   */
  async streamChunks(sql: string): Promise<ChunkStream> {
    const connection = await this.connect();
    try {
      const result = await connection.stream(sql);
      const names = result.columnNames();
      const types = result.columnTypes();
      const release = (): void => {
        this.extraConnections.delete(connection);
        connection.closeSync();
      };
      async function* chunks(): AsyncGenerator<DuckDBDataChunk> {
        try {
          for (;;) {
            const chunk = await result.fetchChunk();
            if (!chunk || chunk.rowCount === 0) return;
            yield chunk;
          }
        } finally {
          release();
        }
      }
      return { names, types, chunks: chunks() };
    } catch (error) {
      this.extraConnections.delete(connection);
      connection.closeSync();
      throw error;
    }
  }

  /** Opens an extra connection (UTC session) owned by this database; it is closed with the database. */
  async connect(): Promise<DuckDBConnection> {
    const connection = await DuckDBConnection.create(this.instance);
    await prepareSession(connection);
    this.extraConnections.add(connection);
    return connection;
  }

  /** Closes every connection and the database. Safe to call twice. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const connection of this.extraConnections) connection.closeSync();
    this.extraConnections.clear();
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

async function prepareSession(connection: DuckDBConnection): Promise<void> {
  await connection.run("SET TimeZone = 'UTC'");
}
