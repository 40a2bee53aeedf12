import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryEngine, QueryValue, QueryValueType, UnloadResult } from './query-engine.js';
import { QueryCancelledError, QueryTimeoutError } from './query-errors.js';

/** A column a contract case expects, with the Athena type name an emulator reports for it. */
export interface ExpectedColumn {
  name: string;
  type: QueryValueType;
  athenaType: string;
  values: QueryValue[];
}

/** What a contract case is about to run, so an engine that runs no SQL (moto) can stage the answer. */
export type StagedQuery =
  | { kind: 'result'; sql: string; columns: ExpectedColumn[] }
  | { kind: 'unload'; sql: string }
  | { kind: 'slow' };

/** One engine under test, and how to feed it. */
export interface QueryEngineFixture {
  engine: QueryEngine;
  /** Called before each query with what it should return; real engines ignore it. */
  stage(query: StagedQuery): Promise<void>;
  /** A query in the engine's dialect that runs until it is interrupted. */
  slowSql: string;
  /** Reads unloaded Parquet files into rows (objects by column name, DuckDB's JS values). */
  readParquet(result: UnloadResult): Promise<Record<string, unknown>[]>;
  /** Whether the engine reports a query id (Athena's QueryExecutionId). */
  hasQueryIds: boolean;
  close(): Promise<void>;
}

/** Written once, valid in both DuckDB and Athena (Trino) SQL. */
const TYPED_SQL =
  "SELECT CAST(7 AS INTEGER) AS i, CAST(9007199254740993 AS BIGINT) AS l, CAST(1.5 AS DOUBLE) AS d, 'x''y' AS s, " +
  "true AS b, DATE '2011-09-10' AS dt, TIMESTAMP '2011-09-10 12:34:56.789' AS ts, CAST(NULL AS VARCHAR) AS n";
const TYPED_COLUMNS: ExpectedColumn[] = [
  { name: 'i', type: 'int', athenaType: 'integer', values: [7] },
  { name: 'l', type: 'long', athenaType: 'bigint', values: [9007199254740993n] },
  { name: 'd', type: 'double', athenaType: 'double', values: [1.5] },
  { name: 's', type: 'string', athenaType: 'varchar', values: ["x'y"] },
  { name: 'b', type: 'boolean', athenaType: 'boolean', values: [true] },
  { name: 'dt', type: 'date', athenaType: 'date', values: ['2011-09-10'] },
  { name: 'ts', type: 'timestamp', athenaType: 'timestamp', values: [new Date('2011-09-10T12:34:56.789Z')] },
  { name: 'n', type: 'string', athenaType: 'varchar', values: [null] },
];
const ROWS_SQL =
  "SELECT id, name FROM (VALUES (3, 'c'), (1, 'a'), (2, NULL), (5, 'e'), (4, 'd')) AS t(id, name) ORDER BY id";
const ROWS_COLUMNS: ExpectedColumn[] = [
  { name: 'id', type: 'int', athenaType: 'integer', values: [1, 2, 3, 4, 5] },
  { name: 'name', type: 'string', athenaType: 'varchar', values: ['a', null, 'c', 'd', 'e'] },
];
const EMPTY_SQL = 'SELECT CAST(1 AS BIGINT) AS x WHERE 1 = 0';
const EMPTY_COLUMNS: ExpectedColumn[] = [{ name: 'x', type: 'long', athenaType: 'bigint', values: [] }];

/**
 * The behaviour every {@link QueryEngine} adapter must show, run unchanged against each: typed small results,
 * row order, empty results, UNLOAD to Parquet with the same rows, time limits and abort signals.
 */
export function describeQueryEngineContract(
  name: string,
  make: () => Promise<QueryEngineFixture | undefined>,
): void {
  describe(`QueryEngine contract: ${name}`, () => {
    let fixture: QueryEngineFixture | undefined;
    beforeAll(async () => {
      fixture = await make();
    });
    afterAll(async () => {
      await fixture?.close();
    });
    const get = (): QueryEngineFixture => {
      if (!fixture) throw new Error('fixture not created');
      return fixture;
    };

    it('returns one typed column per select item, values converted to their JS types', async () => {
      const f = get();
      await f.stage({ kind: 'result', sql: TYPED_SQL, columns: TYPED_COLUMNS });
      const result = await f.engine.run(TYPED_SQL);
      expect(result.rowCount).toBe(1);
      expect(result.columns).toEqual(TYPED_COLUMNS.map(({ name, type, values }) => ({ name, type, values })));
      expect(result.queryId === undefined).toBe(!f.hasQueryIds);
    });

    it('keeps the rows in the order the query sorts them, nulls included', async () => {
      const f = get();
      await f.stage({ kind: 'result', sql: ROWS_SQL, columns: ROWS_COLUMNS });
      const result = await f.engine.run(ROWS_SQL);
      expect(result.rowCount).toBe(5);
      expect(result.columns.map((c) => c.values)).toEqual([
        [1, 2, 3, 4, 5],
        ['a', null, 'c', 'd', 'e'],
      ]);
    });

    it('returns an empty result with its typed columns', async () => {
      const f = get();
      await f.stage({ kind: 'result', sql: EMPTY_SQL, columns: EMPTY_COLUMNS });
      const result = await f.engine.run(EMPTY_SQL);
      expect(result).toMatchObject({ rowCount: 0, columns: [{ name: 'x', type: 'long', values: [] }] });
    });

    it('unloads a query to Parquet files holding exactly its rows', async () => {
      const f = get();
      await f.stage({ kind: 'unload', sql: ROWS_SQL });
      const unloaded = await f.engine.unloadToParquet(ROWS_SQL);
      expect(unloaded.uris.length).toBeGreaterThan(0);
      expect([...unloaded.uris].sort()).toEqual(unloaded.uris);
      const rows = await f.readParquet(unloaded);
      const sorted = rows.map((r) => [Number(r.id), r.name]).sort((a, b) => Number(a[0]) - Number(b[0]));
      expect(sorted).toEqual([
        [1, 'a'],
        [2, null],
        [3, 'c'],
        [4, 'd'],
        [5, 'e'],
      ]);
    });

    it('cancels a query that outlives its time limit with a QueryTimeoutError', async () => {
      const f = get();
      await f.stage({ kind: 'slow' });
      const error = await f.engine.run(f.slowSql, { timeoutMs: 50 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(QueryTimeoutError);
      expect((error as QueryTimeoutError).timeoutMs).toBe(50);
      expect((error as QueryTimeoutError).message).toMatch(/did not finish within 50 ms and was cancelled/);
      expect((error as QueryTimeoutError).queryId === undefined).toBe(!f.hasQueryIds);
    });

    it('cancels a running query when the abort signal fires', async () => {
      const f = get();
      await f.stage({ kind: 'slow' });
      const controller = new AbortController();
      const running = f.engine.run(f.slowSql, { signal: controller.signal }).catch((e: unknown) => e);
      setTimeout(() => controller.abort(), 30);
      const error = await running;
      expect(error).toBeInstanceOf(QueryCancelledError);
      expect((error as QueryCancelledError).reason).toBe('aborted by the caller');
      expect((error as QueryCancelledError).queryId === undefined).toBe(!f.hasQueryIds);
    });

    it('refuses to start with an already aborted signal', async () => {
      const f = get();
      const error = await f.engine
        .unloadToParquet(ROWS_SQL, { signal: AbortSignal.abort() })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(QueryCancelledError);
      expect((error as QueryCancelledError).queryId).toBeUndefined();
    });
  });
}
