import { FeaturePipelineError } from '../errors.js';

/** A query the engine rejected or failed (Athena state `FAILED`, or an error from DuckDB). */
export class QueryFailedError extends FeaturePipelineError {
  override name = 'QueryFailedError';
  constructor(
    /** `duckdb` or `athena`. */
    readonly engine: string,
    /** The engine's reason, e.g. Athena's StateChangeReason or DuckDB's error message. */
    readonly reason: string,
    /** Athena's QueryExecutionId, when there is one. */
    readonly queryId?: string,
    /** Athena's error category and type when given (`1` system, `2` user, `3` other). */
    readonly details?: { errorCategory?: number; errorType?: number; retryable?: boolean },
    options?: ErrorOptions,
  ) {
    super(
      `${engine} query${queryId ? ` ${queryId}` : ''} failed: ${reason}` +
        (details?.retryable ? ' (Athena marks it retryable: run it again)' : '; fix the SQL or its input'),
      options,
    );
  }
}

/** A query that did not finish within its time limit; it was cancelled (Athena: StopQueryExecution). */
export class QueryTimeoutError extends FeaturePipelineError {
  override name = 'QueryTimeoutError';
  constructor(
    readonly engine: string,
    /** The limit that ran out, ms. */
    readonly timeoutMs: number,
    readonly queryId?: string,
    options?: ErrorOptions,
  ) {
    super(
      `${engine} query${queryId ? ` ${queryId}` : ''} did not finish within ${timeoutMs} ms and was cancelled; ` +
        'raise `timeoutMs` or make the query cheaper',
      options,
    );
  }
}

/** A query cancelled by its caller's abort signal, or by someone else (Athena state `CANCELLED`). */
export class QueryCancelledError extends FeaturePipelineError {
  override name = 'QueryCancelledError';
  constructor(
    readonly engine: string,
    /** Why: `aborted by the caller` or Athena's StateChangeReason. */
    readonly reason: string,
    readonly queryId?: string,
    options?: ErrorOptions,
  ) {
    super(`${engine} query${queryId ? ` ${queryId}` : ''} was cancelled: ${reason}`, options);
  }
}
