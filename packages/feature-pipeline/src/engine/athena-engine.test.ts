import {
  type AthenaClient,
  GetQueryExecutionCommand,
  type GetQueryExecutionCommandOutput,
  GetQueryResultsCommand,
  type GetQueryResultsCommandOutput,
  InvalidRequestException,
  type QueryExecutionStatus,
  type Row,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
  TooManyRequestsException,
} from '@aws-sdk/client-athena';
import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { AthenaEngine, type AthenaEngineOptions } from './athena-engine.js';
import { QueryCancelledError, QueryFailedError, QueryTimeoutError } from './query-errors.js';

/**
 * An Athena stand-in for paths moto cannot take: it answers with the SDK's own output shapes and throws the
 * SDK's own exception classes. Each query walks through `states`; results are served in `pages`.
 */
class FakeAthena {
  readonly stopped = new Set<string>();
  readonly pageTokens: (string | undefined)[] = [];
  private polls = 0;
  private starts = 0;
  constructor(
    private readonly script: {
      states: QueryExecutionStatus[];
      pages?: GetQueryResultsCommandOutput[];
      /** Throttle the first n StartQueryExecution calls. */
      throttleStarts?: number;
      /** Throttle these GetQueryExecution poll numbers (1-based). */
      throttlePolls?: number[];
      statementType?: 'DML' | 'DDL';
    },
  ) {}

  async send(command: unknown): Promise<unknown> {
    if (command instanceof StartQueryExecutionCommand) {
      if (this.starts++ < (this.script.throttleStarts ?? 0)) {
        throw new TooManyRequestsException({ message: 'Rate exceeded', $metadata: { httpStatusCode: 400 } });
      }
      return { QueryExecutionId: 'q-1', $metadata: {} };
    }
    if (command instanceof GetQueryExecutionCommand) {
      this.polls++;
      if (this.script.throttlePolls?.includes(this.polls)) {
        throw new TooManyRequestsException({ message: 'Rate exceeded', $metadata: { httpStatusCode: 400 } });
      }
      const id = command.input.QueryExecutionId ?? '';
      const states = this.script.states;
      const status = this.stopped.has(id)
        ? { State: 'CANCELLED' as const }
        : (states[Math.min(this.polls - 1, states.length - 1)] ?? {});
      const output: GetQueryExecutionCommandOutput = {
        QueryExecution: {
          QueryExecutionId: id,
          Status: status,
          StatementType: this.script.statementType ?? 'DML',
        },
        $metadata: {},
      };
      return output;
    }
    if (command instanceof StopQueryExecutionCommand) {
      this.stopped.add(command.input.QueryExecutionId ?? '');
      return { $metadata: {} };
    }
    if (command instanceof GetQueryResultsCommand) {
      this.pageTokens.push(command.input.NextToken);
      const index = command.input.NextToken === undefined ? 0 : Number(command.input.NextToken.slice(1));
      const page = this.script.pages?.[index];
      if (!page) throw new InvalidRequestException({ message: 'bad token', $metadata: {} });
      return page;
    }
    throw new Error(`unexpected command ${String(command)}`);
  }
}

function engine(
  fake: FakeAthena,
  extra: Partial<AthenaEngineOptions> = {},
): { engine: AthenaEngine; sleeps: number[] } {
  let now = 0;
  const sleeps: number[] = [];
  const built = new AthenaEngine({
    client: fake as unknown as AthenaClient,
    s3: new S3Client({ region: 'us-east-1' }),
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    ...extra,
  });
  return { engine: built, sleeps };
}

const row = (...values: (string | undefined)[]): Row => ({
  Data: values.map((v) => (v === undefined ? {} : { VarCharValue: v })),
});
const metadata = {
  ColumnInfo: [
    { Name: 'id', Type: 'bigint' },
    { Name: 'amount', Type: 'double' },
    { Name: 'day', Type: 'date' },
  ],
};

describe('AthenaEngine (fake client)', () => {
  it('pages GetQueryResults with NextToken, drops only the first page’s header, converts by column type', async () => {
    const ids = Array.from({ length: 2500 }, (_, i) => i + 1);
    const pageRows = (from: number, to: number) =>
      ids.slice(from, to).map((id) => row(String(id), id % 10 === 0 ? undefined : `${id}.5`, '2011-09-10'));
    const fake = new FakeAthena({
      states: [{ State: 'QUEUED' }, { State: 'RUNNING' }, { State: 'SUCCEEDED' }],
      pages: [
        {
          ResultSet: { ResultSetMetadata: metadata, Rows: [row('id', 'amount', 'day'), ...pageRows(0, 999)] },
          NextToken: 't1',
          $metadata: {},
        },
        {
          ResultSet: { ResultSetMetadata: metadata, Rows: pageRows(999, 1999) },
          NextToken: 't2',
          $metadata: {},
        },
        { ResultSet: { ResultSetMetadata: metadata, Rows: pageRows(1999, 2500) }, $metadata: {} },
      ],
    });
    const { engine: athena, sleeps } = engine(fake);
    const result = await athena.run('SELECT id, amount, day FROM t ORDER BY id');
    expect(fake.pageTokens).toEqual([undefined, 't1', 't2']);
    expect(sleeps).toEqual([250, 500]);
    expect(result.rowCount).toBe(2500);
    expect(result.queryId).toBe('q-1');
    const [id, amount, day] = result.columns;
    expect(id?.values).toEqual(ids.map((i) => BigInt(i)));
    expect(amount?.type).toBe('double');
    expect(amount?.values.slice(8, 11)).toEqual([9.5, null, 11.5]);
    expect(amount?.values.filter((v) => v === null)).toHaveLength(250);
    expect(day).toMatchObject({ type: 'date' });
    expect(new Set(day?.values)).toEqual(new Set(['2011-09-10']));
  });

  it('keeps the first row of a DDL result (no header there)', async () => {
    const fake = new FakeAthena({
      states: [{ State: 'SUCCEEDED' }],
      statementType: 'DDL',
      pages: [
        {
          ResultSet: {
            ResultSetMetadata: { ColumnInfo: [{ Name: 'tab_name', Type: 'string' }] },
            Rows: [row('events'), row('labels')],
          },
          $metadata: {},
        },
      ],
    });
    const result = await engine(fake).engine.run('SHOW TABLES');
    expect(result.columns).toEqual([{ name: 'tab_name', type: 'string', values: ['events', 'labels'] }]);
  });

  it('turns FAILED into QueryFailedError with Athena’s StateChangeReason and error details', async () => {
    const fake = new FakeAthena({
      states: [
        { State: 'RUNNING' },
        {
          State: 'FAILED',
          StateChangeReason: "COLUMN_NOT_FOUND: line 1:8: Column 'amout' cannot be resolved",
          AthenaError: { ErrorCategory: 2, ErrorType: 1006, Retryable: false },
        },
      ],
    });
    const error = (await engine(fake)
      .engine.run('SELECT amout FROM t')
      .catch((e: unknown) => e)) as QueryFailedError;
    expect(error).toBeInstanceOf(QueryFailedError);
    expect(error.queryId).toBe('q-1');
    expect(error.reason).toBe("COLUMN_NOT_FOUND: line 1:8: Column 'amout' cannot be resolved");
    expect(error.details).toEqual({ errorCategory: 2, errorType: 1006, retryable: false });
    expect(error.message).toBe(
      "athena query q-1 failed: COLUMN_NOT_FOUND: line 1:8: Column 'amout' cannot be resolved; fix the SQL or its input",
    );
  });

  it('turns a CANCELLED it did not ask for into QueryCancelledError with the reason', async () => {
    const fake = new FakeAthena({
      states: [{ State: 'CANCELLED', StateChangeReason: 'Query cancelled by user' }],
    });
    const error = (await engine(fake)
      .engine.run('SELECT 1')
      .catch((e: unknown) => e)) as QueryCancelledError;
    expect(error).toBeInstanceOf(QueryCancelledError);
    expect(error.reason).toBe('Query cancelled by user');
  });

  it('retries throttled StartQueryExecution and GetQueryExecution calls with backoff, then succeeds', async () => {
    const fake = new FakeAthena({
      states: [{ State: 'RUNNING' }, { State: 'SUCCEEDED' }],
      throttleStarts: 2,
      throttlePolls: [1],
      pages: [
        {
          ResultSet: {
            ResultSetMetadata: { ColumnInfo: [{ Name: 'x', Type: 'integer' }] },
            Rows: [row('x'), row('1')],
          },
          $metadata: {},
        },
      ],
    });
    const { engine: athena, sleeps } = engine(fake);
    const result = await athena.run('SELECT 1 AS x');
    expect(result.columns).toEqual([{ name: 'x', type: 'int', values: [1] }]);
    // Two throttled starts (250, 500), one throttled poll (250); the retried poll finds SUCCEEDED.
    expect(sleeps).toEqual([250, 500, 250]);
  });

  it('gives up on throttling at the time limit with QueryTimeoutError', async () => {
    const fake = new FakeAthena({ states: [{ State: 'SUCCEEDED' }], throttleStarts: 1000 });
    const { engine: athena, sleeps } = engine(fake, { timeoutMs: 2000 });
    const error = (await athena.run('SELECT 1').catch((e: unknown) => e)) as QueryTimeoutError;
    expect(error).toBeInstanceOf(QueryTimeoutError);
    expect(error.queryId).toBeUndefined();
    expect(sleeps.reduce((a, b) => a + b, 0)).toBe(2000);
  });

  it('stops the query on timeout: the fake then reports it CANCELLED', async () => {
    const fake = new FakeAthena({ states: [{ State: 'RUNNING' }] });
    const error = (await engine(fake, { timeoutMs: 10_000 })
      .engine.run('SELECT 1')
      .catch((e: unknown) => e)) as QueryTimeoutError;
    expect(error).toBeInstanceOf(QueryTimeoutError);
    expect([...fake.stopped]).toEqual(['q-1']);
  });

  it('stops the query when the signal aborts between polls', async () => {
    const fake = new FakeAthena({ states: [{ State: 'RUNNING' }] });
    const controller = new AbortController();
    let polls = 0;
    const { engine: athena } = engine(fake, {
      sleep: async () => {
        if (++polls === 3) controller.abort();
      },
    });
    const error = (await athena
      .run('SELECT 1', { signal: controller.signal })
      .catch((e: unknown) => e)) as QueryCancelledError;
    expect(error).toBeInstanceOf(QueryCancelledError);
    expect(error.queryId).toBe('q-1');
    expect([...fake.stopped]).toEqual(['q-1']);
  });

  it('refuses a small result larger than maxResultRows and points to UNLOAD', async () => {
    const fake = new FakeAthena({
      states: [{ State: 'SUCCEEDED' }],
      pages: [
        {
          ResultSet: {
            ResultSetMetadata: { ColumnInfo: [{ Name: 'x', Type: 'integer' }] },
            Rows: [row('x'), row('1'), row('2'), row('3')],
          },
          $metadata: {},
        },
      ],
    });
    const error = await engine(fake, { maxResultRows: 2 })
      .engine.run('SELECT x FROM t')
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      'Athena query q-1 returned more than 2 rows; read large results with `unloadToParquet` (UNLOAD to Parquet) or raise `maxResultRows`',
    );
  });

  it('needs an unloadLocation to unload', async () => {
    const fake = new FakeAthena({ states: [{ State: 'SUCCEEDED' }] });
    await expect(engine(fake).engine.unloadToParquet('SELECT 1')).rejects.toThrow(
      'AthenaEngine needs `unloadLocation` (an s3:// prefix) to unload results',
    );
  });
});
