import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDb, quoteLiteral } from '@fti/feature-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDbEngine } from './duckdb-engine.js';
import { describeQueryEngineContract } from './query-engine-contract.js';
import { QueryFailedError } from './query-errors.js';

describeQueryEngineContract('DuckDbEngine', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'fti-duckdb-engine-'));
  const db = await DuckDb.open({ threads: 2 });
  return {
    engine: new DuckDbEngine({ db, unloadDir: dir }),
    stage: async () => {},
    slowSql: 'SELECT count(*) FROM range(100000000000) AS t(x) WHERE x % 7 = 3',
    readParquet: async ({ uris }) =>
      db.query(`SELECT * FROM read_parquet([${uris.map((u) => quoteLiteral(u)).join(', ')}])`),
    hasQueryIds: false,
    close: async () => {
      db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describe('DuckDbEngine', () => {
  let db: DuckDb;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fti-duckdb-engine-'));
    db = await DuckDb.open({ threads: 2 });
  });
  afterAll(async () => {
    db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('reports a failing query as QueryFailedError carrying DuckDB’s message', async () => {
    const engine = new DuckDbEngine({ db, unloadDir: dir });
    const error = await engine.run('SELECT * FROM no_such_table').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryFailedError);
    expect((error as QueryFailedError).engine).toBe('duckdb');
    expect((error as QueryFailedError).reason).toMatch(/Table with name no_such_table does not exist/);
  });

  it('sees views of the database it was given, and unloads each query into a folder of its own', async () => {
    await db.run('CREATE VIEW sales AS SELECT * FROM (VALUES (1, 2.5), (2, 4.0)) AS t(id, amount)');
    let next = 0;
    const engine = new DuckDbEngine({ db, unloadDir: dir, randomId: () => `u${++next}` });
    const sum = await engine.run('SELECT sum(amount) AS total, max(id) AS top FROM sales');
    expect(sum.columns).toEqual([
      { name: 'total', type: 'decimal', values: ['6.5'] },
      { name: 'top', type: 'int', values: [2] },
    ]);
    const first = await engine.unloadToParquet('SELECT * FROM sales');
    const second = await engine.unloadToParquet('SELECT * FROM sales WHERE id = 2');
    expect(first.uris).toEqual([join(dir, 'u1', 'data_0.parquet')]);
    expect(second.uris).toEqual([join(dir, 'u2', 'data_0.parquet')]);
    expect(await readdir(join(dir, 'u2'))).toEqual(['data_0.parquet']);
    const rows = await db.query(
      `SELECT count(*) AS n FROM read_parquet(${quoteLiteral(second.uris[0] ?? '')})`,
    );
    expect(rows).toEqual([{ n: 1n }]);
  });

  it('maps DuckDB types onto pipeline value types (decimal exact, timestamps to Date, lists as text)', async () => {
    const engine = new DuckDbEngine({ db, unloadDir: dir });
    const result = await engine.run(
      "SELECT CAST(12345678901234.56 AS DECIMAL(18,2)) AS dec, TIMESTAMPTZ '2011-09-10 12:00:00+02' AS tz, " +
        "CAST('nan' AS DOUBLE) AS nan, CAST(3 AS UBIGINT) AS u, [1, 2] AS list, CAST(1.5 AS FLOAT) AS f",
    );
    expect(result.columns.map((c) => [c.name, c.type, c.values[0]])).toEqual([
      ['dec', 'decimal', '12345678901234.56'],
      ['tz', 'timestamp', new Date('2011-09-10T10:00:00Z')],
      ['nan', 'double', Number.NaN],
      ['u', 'long', 3n],
      ['list', 'other', '[1, 2]'],
      ['f', 'double', 1.5],
    ]);
  });
});
