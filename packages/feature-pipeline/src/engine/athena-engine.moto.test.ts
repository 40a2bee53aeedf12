import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetQueryExecutionCommand } from '@aws-sdk/client-athena';
import { DuckDb, quoteLiteral, S3ObjectStore } from '@fti/feature-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AthenaEngine, type AthenaEngineOptions } from './athena-engine.js';
import { type MotoAthena, startMotoAthena } from './moto-athena.js';
import { parseS3Uri } from './parse-s3-uri.js';
import { describeQueryEngineContract } from './query-engine-contract.js';
import { QueryTimeoutError } from './query-errors.js';

/** A fake clock the engine's sleeps advance; each sleep also yields a few real ms so abort timers can fire. */
function fakeClock(): {
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  sleeps: number[];
} {
  let now = 1_700_000_000_000;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleeps,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
      await new Promise((resolve) => setTimeout(resolve, 2));
    },
  };
}

function engineOn(env: MotoAthena, extra: Partial<AthenaEngineOptions> = {}): AthenaEngine {
  let next = 0;
  return new AthenaEngine({
    client: env.athena,
    s3: env.s3,
    outputLocation: env.outputLocation,
    unloadLocation: env.unloadLocation,
    database: 'retail',
    randomId: () => `u${++next}`,
    ...fakeClock(),
    ...extra,
  });
}

const shared = await startMotoAthena();

describeQueryEngineContract('AthenaEngine on moto_server (protocol only)', async () => {
  const env = shared;
  if (!env) return undefined;
  const db = await DuckDb.open({ threads: 1 });
  const cacheDir = await mkdtemp(join(tmpdir(), 'fti-athena-contract-'));
  return {
    engine: engineOn(env),
    stage: async (query) => {
      await env.setPollsPerState(query.kind === 'slow' ? Number.POSITIVE_INFINITY : 1);
      if (query.kind === 'result') await env.queueResult(query.columns);
    },
    slowSql: 'SELECT count(*) FROM "retail"."huge"',
    readParquet: async ({ uris }) => {
      const paths = await Promise.all(
        uris.map((uri) => {
          const { bucket, key } = parseS3Uri(uri);
          return new S3ObjectStore({ client: env.s3, bucket, cacheDir }).localPath(key);
        }),
      );
      return db.query(`SELECT * FROM read_parquet([${paths.map((p) => quoteLiteral(p)).join(', ')}])`);
    },
    hasQueryIds: true,
    close: async () => {
      db.close();
      await rm(cacheDir, { recursive: true, force: true });
    },
  };
});

describe.skipIf(shared === undefined)('AthenaEngine on moto_server', () => {
  const env = shared as MotoAthena;
  afterAll(async () => {
    await env.close();
  });
  beforeAll(async () => {
    await env.setPollsPerState(1);
  });

  it('stops a query that outlives its time limit: Athena then reports it CANCELLED', async () => {
    await env.setPollsPerState(Number.POSITIVE_INFINITY);
    const clock = fakeClock();
    const engine = engineOn(env, { ...clock, timeoutMs: 3000 });
    const error = (await engine.run('SELECT 1').catch((e: unknown) => e)) as QueryTimeoutError;
    expect(error).toBeInstanceOf(QueryTimeoutError);
    expect(error.message).toBe(
      `athena query ${error.queryId} did not finish within 3000 ms and was cancelled; raise \`timeoutMs\` or make the query cheaper`,
    );
    // Backoff doubles from 250 ms; the last wait is cut to the time left before the deadline.
    expect(clock.sleeps).toEqual([250, 500, 1000, 1250]);
    const state = await env.rawAthena.send(new GetQueryExecutionCommand({ QueryExecutionId: error.queryId }));
    expect(state.QueryExecution?.Status?.State).toBe('CANCELLED');
  });

  it('polls with exponential backoff through QUEUED and RUNNING, sending workgroup, catalog and database', async () => {
    await env.setPollsPerState(3);
    await env.queueResult([{ name: 'n', athenaType: 'bigint', values: [42n] }]);
    const clock = fakeClock();
    const engine = engineOn(env, { ...clock, poll: { initialDelayMs: 100, maxDelayMs: 300 } });
    const result = await engine.run('SELECT count(*) AS n FROM "events"');
    expect(result.columns).toEqual([{ name: 'n', type: 'long', values: [42n] }]);
    expect(clock.sleeps).toEqual([100, 200, 300, 300, 300]);
    const state = await env.rawAthena.send(
      new GetQueryExecutionCommand({ QueryExecutionId: result.queryId }),
    );
    expect(state.QueryExecution).toMatchObject({
      Query: 'SELECT count(*) AS n FROM "events"',
      QueryExecutionContext: { Catalog: 'AwsDataCatalog', Database: 'retail' },
      ResultConfiguration: { OutputLocation: `${env.outputLocation}${result.queryId}.csv` },
    });
  });

  it('unloads to a new, empty prefix with the UNLOAD statement Athena expects, and lists the manifest’s files', async () => {
    await env.setPollsPerState(1);
    const engine = engineOn(env);
    const sql = "SELECT * FROM (VALUES (1, 'a'), (2, 'b'), (3, 'c')) AS t(id, name)";
    const first = await engine.unloadToParquet(sql);
    const second = await engine.unloadToParquet(sql);
    expect(first.uris).toEqual([
      `s3://lake/unload/u1/${first.queryId}_part_0.parquet`,
      `s3://lake/unload/u1/${first.queryId}_part_1.parquet`,
    ]);
    expect(second.uris[0]).toMatch(/^s3:\/\/lake\/unload\/u2\//);
    const state = await env.rawAthena.send(new GetQueryExecutionCommand({ QueryExecutionId: first.queryId }));
    expect(state.QueryExecution?.Query).toBe(
      `UNLOAD (${sql}) TO 's3://lake/unload/u1/' WITH (format = 'PARQUET', compression = 'SNAPPY')`,
    );
  });
});
