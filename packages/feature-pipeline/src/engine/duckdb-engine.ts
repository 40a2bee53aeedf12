import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DuckDBConnection } from '@duckdb/node-api';
import { type DuckDb, quoteLiteral } from '@fti/feature-store';
import { duckDbQueryResult } from './duckdb-query-result.js';
import type { QueryEngine, QueryResult, RunOptions, UnloadResult } from './query-engine.js';
import { QueryCancelledError, QueryFailedError, QueryTimeoutError } from './query-errors.js';

/** Options of {@link DuckDbEngine}. */
export interface DuckDbEngineOptions {
  /** The embedded database, usually the warehouse's (`warehouse.db`) so queries see its views and tables. */
  db: DuckDb;
  /** Local folder under which each unload writes a new subfolder of Parquet files. */
  unloadDir: string;
  /** Default time limit of a query, ms; default none. */
  timeoutMs?: number;
  /** Name of each unload's subfolder; default a random UUID. */
  randomId?: () => string;
}

/**
 * {@link QueryEngine} over the embedded DuckDB. Each query runs on a connection of its own, so a timeout or
 * an abort interrupts only that query; it sees every table and view of the database but not the temporary
 * objects of other connections.
 */
export class DuckDbEngine implements QueryEngine {
  readonly dialect = 'duckdb' as const;
  readonly #db: DuckDb;
  readonly #unloadDir: string;
  readonly #timeoutMs: number | undefined;
  readonly #randomId: () => string;

  constructor(options: DuckDbEngineOptions) {
    this.#db = options.db;
    this.#unloadDir = resolve(options.unloadDir);
    this.#timeoutMs = options.timeoutMs;
    this.#randomId = options.randomId ?? randomUUID;
  }

  async run(sql: string, options: RunOptions = {}): Promise<QueryResult> {
    return this.#guarded(options, async (connection) =>
      duckDbQueryResult(await connection.runAndReadAll(sql)),
    );
  }

  /** Writes the result with `COPY (...) TO '<unloadDir>/<id>/data_0.parquet' (FORMAT parquet)`. */
  async unloadToParquet(sql: string, options: RunOptions = {}): Promise<UnloadResult> {
    if (options.signal?.aborted) throw new QueryCancelledError('duckdb', 'aborted by the caller');
    const dir = join(this.#unloadDir, this.#randomId());
    await mkdir(dir, { recursive: true });
    const file = join(dir, 'data_0.parquet');
    await this.#guarded(options, (connection) =>
      connection.run(`COPY (${sql}) TO ${quoteLiteral(file)} (FORMAT parquet, COMPRESSION zstd)`),
    );
    return { uris: [file] };
  }

  async #guarded<T>(options: RunOptions, work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const { signal } = options;
    const timeoutMs = options.timeoutMs ?? this.#timeoutMs;
    if (signal?.aborted) throw new QueryCancelledError('duckdb', 'aborted by the caller');
    // A connection of our own (not DuckDb.connect, which keeps every connection until the database closes).
    const connection = await DuckDBConnection.create(this.#db.instance);
    let stopped: 'abort' | 'timeout' | undefined;
    const stop = (why: 'abort' | 'timeout'): void => {
      if (stopped !== undefined) return;
      stopped = why;
      connection.interrupt();
    };
    const onAbort = (): void => stop('abort');
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => stop('timeout'), timeoutMs);
    try {
      await connection.run("SET TimeZone = 'UTC'");
      if (signal?.aborted) stop('abort');
      if (stopped === undefined) return await work(connection);
      throw new Error('interrupted before it started');
    } catch (error) {
      if (stopped === 'abort')
        throw new QueryCancelledError('duckdb', 'aborted by the caller', undefined, { cause: error });
      if (stopped === 'timeout')
        throw new QueryTimeoutError('duckdb', timeoutMs ?? 0, undefined, { cause: error });
      const reason = error instanceof Error ? error.message : String(error);
      throw new QueryFailedError('duckdb', reason, undefined, undefined, { cause: error });
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      connection.closeSync();
    }
  }
}
