import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import {
  type AthenaClient,
  GetQueryExecutionCommand,
  type QueryExecution,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
} from '@aws-sdk/client-athena';
import type { S3Client } from '@aws-sdk/client-s3';
import { FeaturePipelineError } from '../errors.js';
import { abortableSleep } from './abortable-sleep.js';
import { isThrottlingError } from './is-throttling-error.js';
import { parseS3Uri } from './parse-s3-uri.js';
import type { QueryEngine, QueryResult, RunOptions, UnloadResult } from './query-engine.js';
import { QueryCancelledError, QueryFailedError, QueryTimeoutError } from './query-errors.js';
import { readAthenaResults } from './read-athena-results.js';
import { readUnloadManifest } from './read-unload-manifest.js';

/** Options of {@link AthenaEngine}. */
export interface AthenaEngineOptions {
  /** Configured Athena client (region, credentials, endpoint). */
  client: AthenaClient;
  /** S3 client that can read the query results location (UNLOAD manifests). */
  s3: S3Client;
  /** Workgroup queries run in; default `primary`. */
  workGroup?: string;
  /** `s3://` query results location; default: the workgroup's. */
  outputLocation?: string;
  /** Data catalog of unqualified table names; default `AwsDataCatalog`. */
  catalog?: string;
  /** Database of unqualified table names; default none (qualify names in the SQL). */
  database?: string;
  /** `s3://bucket/prefix/` under which each UNLOAD gets a new, empty prefix; required by `unloadToParquet`. */
  unloadLocation?: string;
  /** Default time limit of a query, ms; default 30 minutes. */
  timeoutMs?: number;
  /** Polling of GetQueryExecution: first delay (default 250 ms), doubling up to `maxDelayMs` (default 5000). */
  poll?: { initialDelayMs?: number; maxDelayMs?: number };
  /** Refuse small results with more rows than this (use UNLOAD); default 100000. */
  maxResultRows?: number;
  /** Epoch ms clock for timeouts; default `Date.now`. */
  now?: () => number;
  /** Waits between polls; must return early when the signal aborts. Default: a timer. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Name of each UNLOAD's prefix; default a random UUID. */
  randomId?: () => string;
}

const DEFAULT_TIMEOUT_MS = 30 * 60_000;

/**
 * {@link QueryEngine} over AWS Athena (engine v3, Trino SQL): StartQueryExecution, then GetQueryExecution
 * with exponential backoff until a final state or the time limit (StopQueryExecution on timeout or abort);
 * small results by paging GetQueryResults, large ones by `UNLOAD ... WITH (format = 'PARQUET')` and the
 * manifest Athena writes. Throttled calls are retried with the same backoff until the time limit.
 */
export class AthenaEngine implements QueryEngine {
  readonly dialect = 'athena' as const;
  readonly #options: AthenaEngineOptions;
  readonly #now: () => number;
  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly #initialDelayMs: number;
  readonly #maxDelayMs: number;

  constructor(options: AthenaEngineOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#sleep = options.sleep ?? abortableSleep;
    this.#initialDelayMs = options.poll?.initialDelayMs ?? 250;
    this.#maxDelayMs = options.poll?.maxDelayMs ?? 5000;
  }

  async run(sql: string, options: RunOptions = {}): Promise<QueryResult> {
    const clock = this.#clock(options);
    const execution = await this.#execute(sql, options, clock);
    const queryId = execution.QueryExecutionId ?? '';
    const type = execution.StatementType;
    return readAthenaResults({
      client: this.#options.client,
      queryId,
      hasHeaderRow: type !== 'DDL' && type !== 'UTILITY',
      maxRows: this.#options.maxResultRows ?? 100_000,
      send: (command) => this.#call(() => this.#options.client.send(command), options, clock, queryId),
    });
  }

  /** Runs `UNLOAD (<sql>) TO '<unloadLocation><id>/' WITH (format = 'PARQUET')` and reads its manifest. */
  async unloadToParquet(sql: string, options: RunOptions = {}): Promise<UnloadResult> {
    const base = this.#options.unloadLocation;
    if (base === undefined) {
      throw new FeaturePipelineError(
        'AthenaEngine needs `unloadLocation` (an s3:// prefix) to unload results',
      );
    }
    parseS3Uri(base);
    const target = `${base.replace(/\/*$/, '/')}${(this.#options.randomId ?? randomUUID)()}/`;
    const unload = `UNLOAD (${sql}) TO '${target}' WITH (format = 'PARQUET', compression = 'SNAPPY')`;
    const execution = await this.#execute(unload, options, this.#clock(options));
    const queryId = execution.QueryExecutionId ?? '';
    const uris = await readUnloadManifest({
      s3: this.#options.s3,
      manifestUri: manifestLocation(execution),
      cacheDir: tmpdir(),
    });
    return { uris, queryId };
  }

  /** Starts a query and polls it to SUCCEEDED; throws the named error of any other outcome. */
  async #execute(sql: string, options: RunOptions, clock: Clock): Promise<QueryExecution> {
    const { signal } = options;
    if (signal?.aborted) throw new QueryCancelledError('athena', 'aborted by the caller');
    const started = await this.#call(
      () => this.#options.client.send(this.#startCommand(sql)),
      options,
      clock,
    );
    const queryId = started.QueryExecutionId;
    if (!queryId) throw new FeaturePipelineError('Athena StartQueryExecution returned no QueryExecutionId');
    let delay = this.#initialDelayMs;
    for (;;) {
      await this.#stopIfDue(queryId, options, clock);
      const response = await this.#call(
        () => this.#options.client.send(new GetQueryExecutionCommand({ QueryExecutionId: queryId })),
        options,
        clock,
        queryId,
      );
      const execution = response.QueryExecution ?? {};
      const status = execution.Status;
      if (status?.State === 'SUCCEEDED') return { ...execution, QueryExecutionId: queryId };
      if (status?.State === 'FAILED') {
        const reason = status.StateChangeReason ?? status.AthenaError?.ErrorMessage ?? 'no reason given';
        throw new QueryFailedError('athena', reason, queryId, {
          ...(status.AthenaError?.ErrorCategory !== undefined
            ? { errorCategory: status.AthenaError.ErrorCategory }
            : {}),
          ...(status.AthenaError?.ErrorType !== undefined ? { errorType: status.AthenaError.ErrorType } : {}),
          ...(status.AthenaError?.Retryable !== undefined ? { retryable: status.AthenaError.Retryable } : {}),
        });
      }
      if (status?.State === 'CANCELLED') {
        throw new QueryCancelledError(
          'athena',
          status.StateChangeReason ?? 'stopped outside this run',
          queryId,
        );
      }
      await this.#stopIfDue(queryId, options, clock);
      await this.#sleep(Math.max(0, Math.min(delay, clock.deadline - this.#now())), signal);
      delay = Math.min(delay * 2, this.#maxDelayMs);
    }
  }

  /** Calls AWS, retrying throttled calls with backoff; the abort signal and the time limit still apply. */
  async #call<T>(call: () => Promise<T>, options: RunOptions, clock: Clock, queryId?: string): Promise<T> {
    let delay = this.#initialDelayMs;
    for (;;) {
      try {
        return await call();
      } catch (error) {
        if (!isThrottlingError(error)) throw error;
        if (queryId !== undefined) await this.#stopIfDue(queryId, options, clock, error);
        else if (options.signal?.aborted) throw new QueryCancelledError('athena', 'aborted by the caller');
        else if (this.#now() >= clock.deadline)
          throw new QueryTimeoutError('athena', clock.timeoutMs, undefined, { cause: error });
        await this.#sleep(Math.max(0, Math.min(delay, clock.deadline - this.#now())), options.signal);
        delay = Math.min(delay * 2, this.#maxDelayMs);
      }
    }
  }

  /** Stops the query and throws when the caller aborted or the time limit passed. */
  async #stopIfDue(queryId: string, options: RunOptions, clock: Clock, cause?: unknown): Promise<void> {
    const aborted = options.signal?.aborted === true;
    if (!aborted && this.#now() < clock.deadline) return;
    try {
      await this.#options.client.send(new StopQueryExecutionCommand({ QueryExecutionId: queryId }));
    } catch {
      // The query may have just finished or been stopped; the caller's error below says what happened.
    }
    if (aborted) throw new QueryCancelledError('athena', 'aborted by the caller', queryId, { cause });
    throw new QueryTimeoutError('athena', clock.timeoutMs, queryId, { cause });
  }

  #startCommand(sql: string): StartQueryExecutionCommand {
    const { workGroup, outputLocation, catalog, database } = this.#options;
    return new StartQueryExecutionCommand({
      QueryString: sql,
      WorkGroup: workGroup ?? 'primary',
      QueryExecutionContext: {
        Catalog: catalog ?? 'AwsDataCatalog',
        ...(database ? { Database: database } : {}),
      },
      ...(outputLocation ? { ResultConfiguration: { OutputLocation: outputLocation } } : {}),
    });
  }

  #clock(options: RunOptions): Clock {
    const timeoutMs = options.timeoutMs ?? this.#options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    return { timeoutMs, deadline: this.#now() + timeoutMs };
  }
}

interface Clock {
  timeoutMs: number;
  /** Epoch ms after which the query is stopped. */
  deadline: number;
}

/**
 * Where Athena put an UNLOAD's manifest: `Statistics.DataManifestLocation`, or else
 * `<results location>/<QueryExecutionId>-manifest.csv` beside the `<QueryExecutionId>.csv` output.
 */
function manifestLocation(execution: QueryExecution): string {
  const given = execution.Statistics?.DataManifestLocation;
  if (given) return given;
  const output = execution.ResultConfiguration?.OutputLocation;
  if (!output) {
    throw new FeaturePipelineError(
      `Athena query ${execution.QueryExecutionId} has no results location; set \`outputLocation\` or the workgroup's`,
    );
  }
  const folder = output.endsWith('/') ? output : output.slice(0, output.lastIndexOf('/') + 1);
  return `${folder}${execution.QueryExecutionId}-manifest.csv`;
}
