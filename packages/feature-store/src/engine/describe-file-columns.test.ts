import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { describeFileColumns } from './describe-file-columns.js';
import { DuckDb } from './duck-db.js';
import { quoteLiteral } from './sql-quote.js';

let db: DuckDb;
let root: string;

beforeAll(async () => {
  db = await DuckDb.open({ threads: 2 });
  root = await mkdtemp(join(tmpdir(), 'fti-describe-columns-'));
});
afterAll(async () => {
  db.close();
  await rm(root, { recursive: true, force: true });
});

/** Writes one row of `select` as `<name>.parquet`; `fieldIds` is DuckDB's FIELD_IDS struct, if any. */
async function writeParquet(name: string, select: string, fieldIds?: string): Promise<string> {
  const path = join(root, `${name}.parquet`);
  const ids = fieldIds ? `, FIELD_IDS ${fieldIds}` : '';
  await db.run(`COPY (${select}) TO ${quoteLiteral(path)} (FORMAT parquet${ids})`);
  return path;
}

describe('describeFileColumns', () => {
  test('maps each flat column’s field id to its name and its normalized DuckDB type', async () => {
    const path = await writeParquet(
      'flat',
      `SELECT 1::BIGINT AS id, 'ann' AS name, 0.5::DOUBLE AS score, DATE '2024-01-31' AS day,
              TIMESTAMPTZ '2024-01-31 10:00:00+00' AS seen, 1.25::DECIMAL(10,2) AS price`,
      '{id: 1, name: 2, score: 3, day: 4, seen: 5, price: 6}',
    );
    const described = await describeFileColumns(db, [path]);
    expect([...described.keys()]).toEqual([path]);
    expect(described.get(path)).toEqual(
      new Map([
        [1, { name: 'id', duckType: 'BIGINT' }],
        [2, { name: 'name', duckType: 'VARCHAR' }],
        [3, { name: 'score', duckType: 'DOUBLE' }],
        [4, { name: 'day', duckType: 'DATE' }],
        // The footer says `TIMESTAMP WITH TIME ZONE` and `DECIMAL(10,2)`: named as toDuckDbType names them.
        [5, { name: 'seen', duckType: 'TIMESTAMPTZ' }],
        [6, { name: 'price', duckType: 'DECIMAL(10, 2)' }],
      ]),
    );
  });

  test('skips nested columns and their children, and finds the top-level columns after them', async () => {
    // Each nested column spans several schema elements (a struct holding a list, a list, a map): the walk
    // must skip all of them, children's field ids included, to land on `b`, `c` and `d` with their ids.
    const path = await writeParquet(
      'nested',
      `SELECT 1::BIGINT AS a,
              {'x': 1, 'y': [1, 2]} AS s,
              'q' AS b,
              [1, 2]::INTEGER[] AS l,
              MAP {'k': 1.5} AS m,
              DATE '2024-01-01' AS c,
              2.5::DOUBLE AS d`,
      `{a: 1, s: {__duckdb_field_id: 2, x: 20, y: {__duckdb_field_id: 21, element: 22}}, b: 3,
        l: {__duckdb_field_id: 4, element: 40}, m: {__duckdb_field_id: 5, key: 50, value: 51}, c: 6, d: 7}`,
    );
    const described = await describeFileColumns(db, [path]);
    expect(described.get(path)).toEqual(
      new Map([
        [1, { name: 'a', duckType: 'BIGINT' }],
        [3, { name: 'b', duckType: 'VARCHAR' }],
        [6, { name: 'c', duckType: 'DATE' }],
        [7, { name: 'd', duckType: 'DOUBLE' }],
      ]),
    );
  });

  test('leaves out columns written without a field id', async () => {
    const partly = await writeParquet(
      'partly',
      `SELECT 1::BIGINT AS id, 'x' AS untracked, 2::INTEGER AS n`,
      '{id: 1, n: 3}',
    );
    const none = await writeParquet('none', `SELECT 1::BIGINT AS id, 'x' AS name`);
    const described = await describeFileColumns(db, [partly, none]);
    expect(described.get(partly)).toEqual(
      new Map([
        [1, { name: 'id', duckType: 'BIGINT' }],
        [3, { name: 'n', duckType: 'INTEGER' }],
      ]),
    );
    expect(described.get(none)).toEqual(new Map());
  });

  test('gives each file of one call its own map, keyed by the path it was given', async () => {
    // The same field ids under other names and types, as after a rename and a type promotion.
    const old = await writeParquet('old', `SELECT 1::INTEGER AS id, 'ann' AS name`, '{id: 1, name: 2}');
    const recent = await writeParquet(
      'recent',
      `SELECT 0.5::DOUBLE AS score, 'bob' AS full_name, 2::BIGINT AS id`,
      '{score: 3, full_name: 2, id: 1}',
    );
    const described = await describeFileColumns(db, [recent, old]);
    expect(described.size).toBe(2);
    expect(described.get(old)).toEqual(
      new Map([
        [1, { name: 'id', duckType: 'INTEGER' }],
        [2, { name: 'name', duckType: 'VARCHAR' }],
      ]),
    );
    expect(described.get(recent)).toEqual(
      new Map([
        [3, { name: 'score', duckType: 'DOUBLE' }],
        [2, { name: 'full_name', duckType: 'VARCHAR' }],
        [1, { name: 'id', duckType: 'BIGINT' }],
      ]),
    );
  });

  test('an empty path list gives an empty map', async () => {
    expect(await describeFileColumns(db, [])).toEqual(new Map());
  });
});
