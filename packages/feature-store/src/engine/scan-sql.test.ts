import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Filter } from '../iceberg/filter.js';
import type { Schema } from '../iceberg/types.js';
import { describeFileColumns } from './describe-file-columns.js';
import { DuckDb } from './duck-db.js';
import { type ScanSqlOptions, type ScanTask, scanSql } from './scan-sql.js';
import { quoteLiteral } from './sql-quote.js';

// scanSql reads plain data files by column name when their footers agree with each other and with the
// table's types (DuckDB then splits the scan by row group), and by field id through a schema map otherwise.
// Either way the rows must be the same: these tests run the SQL and compare values.

let db: DuckDb;
let root: string;
let files = 0;

beforeAll(async () => {
  db = await DuckDb.open({ threads: 2 });
  root = await mkdtemp(join(tmpdir(), 'fti-scan-sql-'));
});
afterAll(async () => {
  db.close();
  await rm(root, { recursive: true, force: true });
});

const schema: Schema = {
  schemaId: 0,
  fields: [
    { id: 1, name: 'id', required: true, type: 'long' },
    { id: 2, name: 'name', required: false, type: 'string' },
    { id: 3, name: 'score', required: false, type: 'double' },
    { id: 4, name: 'day', required: false, type: 'date' },
  ],
};
const FIELD_IDS = '{id: 1, name: 2, score: 3, day: 4}';
const BY_ID = 'schema = map';

const FILE_A = `SELECT * FROM (VALUES
  (1::BIGINT, 'ann', 0.5::DOUBLE, DATE '2024-01-01'),
  (2::BIGINT, 'bob', NULL::DOUBLE, DATE '2024-01-02'),
  (3::BIGINT, NULL, 2.5::DOUBLE, NULL::DATE)) AS t(id, name, score, day)`;
const FILE_B = `SELECT * FROM (VALUES
  (4::BIGINT, 'cy', 3.5::DOUBLE, DATE '2024-02-01'),
  (5::BIGINT, 'dee', -1.0::DOUBLE, DATE '2024-02-02')) AS t(id, name, score, day)`;
const ROWS_A = [
  { id: 1, name: 'ann', score: 0.5, day: '2024-01-01' },
  { id: 2, name: 'bob', score: null, day: '2024-01-02' },
  { id: 3, name: null, score: 2.5, day: null },
];
const ROWS_B = [
  { id: 4, name: 'cy', score: 3.5, day: '2024-02-01' },
  { id: 5, name: 'dee', score: -1, day: '2024-02-02' },
];

/** Writes `select` to a new Parquet file with DuckDB's FIELD_IDS; returns its path. */
async function writeFile(select: string, fieldIds = FIELD_IDS): Promise<string> {
  const path = join(root, `data-${++files}.parquet`);
  await db.run(`COPY (${select}) TO ${quoteLiteral(path)} (FORMAT parquet, FIELD_IDS ${fieldIds})`);
  return path;
}

/** A task for a file; `described` attaches its footer columns as planRead does. */
async function taskOf(path: string, described = true): Promise<ScanTask> {
  const task: ScanTask = { localPath: path, fileUri: `file://${path}`, dataSequenceNumber: 1, deletes: [] };
  if (described) {
    const columns = (await describeFileColumns(db, [path])).get(path);
    if (columns) task.columns = columns;
  }
  return task;
}

/** The scan's rows ordered by id, dates as ISO days; with the SQL that produced them. */
async function scanRows(options: ScanSqlOptions): Promise<{ sql: string; rows: Record<string, unknown>[] }> {
  const sql = scanSql(options);
  const rows = await db.query(
    `SELECT id::INTEGER AS id, name, score, strftime(day, '%Y-%m-%d') AS day FROM ${sql} AS t ORDER BY id`,
  );
  return { sql, rows };
}

describe('scanSql reads by name', () => {
  test('when every file names each field alike, in the table’s type', async () => {
    const tasks = [await taskOf(await writeFile(FILE_A)), await taskOf(await writeFile(FILE_B))];
    const { sql, rows } = await scanRows({ tasks, schema });
    expect(sql).not.toContain(BY_ID);
    expect(rows).toEqual([...ROWS_A, ...ROWS_B]);
  });

  test('using the file’s own names when they differ from the table’s, filters included', async () => {
    // Field 2 is stored as `score` and field 3 as `name`: swapped against the table's names.
    const path = await writeFile(
      `SELECT id AS key, name AS score, score AS name, day AS d FROM (${FILE_A})`,
      '{key: 1, score: 2, name: 3, d: 4}',
    );
    const tasks = [await taskOf(path)];
    const { sql, rows } = await scanRows({ tasks, schema });
    expect(sql).not.toContain(BY_ID);
    expect(rows).toEqual(ROWS_A);
    const filtered = await scanRows({ tasks, schema, filter: { column: 'score', op: '>', value: 1 } });
    expect(filtered.rows).toEqual([ROWS_A[2]]);
  });

  test('when the files order their columns differently and one keeps a column dropped from the table', async () => {
    const withDropped = await writeFile(
      `SELECT *, 'old' AS legacy FROM (${FILE_A})`,
      '{id: 1, name: 2, score: 3, day: 4, legacy: 9}',
    );
    const reordered = await writeFile(`SELECT day, score, id, name FROM (${FILE_B})`);
    const tasks = [await taskOf(withDropped), await taskOf(reordered)];
    const { sql, rows } = await scanRows({ tasks, schema });
    expect(sql).not.toContain(BY_ID);
    expect(rows).toEqual([...ROWS_A, ...ROWS_B]);
  });
});

describe('scanSql falls back to the field-id map', () => {
  test('when files disagree on a column’s name (renamed after one was written)', async () => {
    const old = await writeFile(FILE_A);
    const renamed = await writeFile(
      `SELECT id, name AS full_name, score, day FROM (${FILE_B})`,
      '{id: 1, full_name: 2, score: 3, day: 4}',
    );
    const { sql, rows } = await scanRows({ tasks: [await taskOf(old), await taskOf(renamed)], schema });
    expect(sql).toContain(BY_ID);
    expect(rows).toEqual([...ROWS_A, ...ROWS_B]);
  });

  test('when a file lacks a field (added later): it reads as null', async () => {
    const before = await writeFile(`SELECT id, name, day FROM (${FILE_A})`, '{id: 1, name: 2, day: 4}');
    const after = await writeFile(FILE_B);
    const { sql, rows } = await scanRows({ tasks: [await taskOf(before), await taskOf(after)], schema });
    expect(sql).toContain(BY_ID);
    expect(rows).toEqual([...ROWS_A.map((r) => ({ ...r, score: null })), ...ROWS_B]);
  });

  test('when a file’s type differs from the table’s: an INTEGER column of a long field reads as BIGINT', async () => {
    const narrow = await writeFile(`SELECT id::INTEGER AS id, name, score, day FROM (${FILE_A})`);
    const tasks = [await taskOf(narrow), await taskOf(await writeFile(FILE_B))];
    const { sql, rows } = await scanRows({ tasks, schema });
    expect(sql).toContain(BY_ID);
    expect(rows).toEqual([...ROWS_A, ...ROWS_B]);
    const read = await db.query(`SELECT typeof(id) AS type, id FROM ${sql} AS t ORDER BY id`);
    expect(read).toEqual([1n, 2n, 3n, 4n, 5n].map((id) => ({ type: 'BIGINT', id })));
  });

  test('when a task has no footer columns', async () => {
    const tasks = [await taskOf(await writeFile(FILE_A)), await taskOf(await writeFile(FILE_B), false)];
    const { sql, rows } = await scanRows({ tasks, schema });
    expect(sql).toContain(BY_ID);
    expect(rows).toEqual([...ROWS_A, ...ROWS_B]);
  });
});

describe('scanSql rowAddress', () => {
  /** Files of 3, 5 and 2 rows whose id is 100 × file number + row position: each row names its address. */
  async function addressedFiles(described: boolean): Promise<ScanTask[]> {
    return Promise.all(
      [3, 5, 2].map(async (count, file) =>
        taskOf(
          await writeFile(
            `SELECT ${file * 100} + i AS id, 'r' || i AS name, i::DOUBLE AS score, DATE '2024-01-01' + i::INTEGER AS day
             FROM range(${count}) AS r(i)`,
          ),
          described,
        ),
      ),
    );
  }

  test.each([
    ['by name', true],
    ['by field id', false],
  ])(
    'gives each row its file number and position, and a filter on them selects those rows (%s)',
    async (_mode, described) => {
      const tasks = await addressedFiles(described);
      const relation = scanSql({ tasks, schema, rowAddress: true });
      expect(relation.includes(BY_ID)).toBe(!described);
      const rows = await db.query(
        `SELECT id::INTEGER AS id, __fti_file, __fti_row, typeof(__fti_file) AS file_type, typeof(__fti_row) AS row_type
         FROM ${relation} AS t ORDER BY id`,
      );
      const ids = [0, 1, 2, 100, 101, 102, 103, 104, 200, 201];
      expect(rows).toEqual(
        ids.map((id) => ({
          id,
          __fti_file: Math.floor(id / 100),
          __fti_row: BigInt(id % 100),
          file_type: 'INTEGER',
          row_type: 'BIGINT',
        })),
      );
      const picked = await db.query(
        `SELECT id::INTEGER AS id FROM ${relation} AS t WHERE __fti_file = 1 AND __fti_row BETWEEN 2 AND 4 ORDER BY id`,
      );
      expect(picked).toEqual([{ id: 102 }, { id: 103 }, { id: 104 }]);
    },
  );

  test('numbers files with deletes after the others; their rows keep their positions in the file', async () => {
    const [first, second] = await addressedFiles(true);
    if (!first || !second) throw new Error('files not written');
    const deletes = join(root, 'pos-deletes.parquet');
    await db.run(
      `COPY (SELECT ${quoteLiteral(second.fileUri)} AS file_path, pos FROM (VALUES (1::BIGINT), (3::BIGINT)) AS p(pos))
       TO ${quoteLiteral(deletes)} (FORMAT parquet, FIELD_IDS {file_path: 2147483546, pos: 2147483545})`,
    );
    const tasks = [
      { ...second, deletes: [{ localPath: deletes, content: 1 as const, sequenceNumber: 1 }] },
      first,
    ];
    const relation = scanSql({ tasks, schema, rowAddress: true });
    const rows = await db.query(
      `SELECT id::INTEGER AS id, __fti_file, __fti_row::INTEGER AS __fti_row FROM ${relation} AS t ORDER BY id`,
    );
    expect(rows).toEqual([
      { id: 0, __fti_file: 0, __fti_row: 0 },
      { id: 1, __fti_file: 0, __fti_row: 1 },
      { id: 2, __fti_file: 0, __fti_row: 2 },
      { id: 100, __fti_file: 1, __fti_row: 0 },
      { id: 102, __fti_file: 1, __fti_row: 2 },
      { id: 104, __fti_file: 1, __fti_row: 4 },
    ]);
    const picked = await db.query(
      `SELECT id::INTEGER AS id FROM ${relation} AS t WHERE __fti_file = 1 AND __fti_row = 2`,
    );
    expect(picked).toEqual([{ id: 102 }]);
  });

  test('an empty scan still has the address columns', async () => {
    const relation = scanSql({ tasks: [], schema, columns: ['id'], rowAddress: true });
    const described = await db.query(`DESCRIBE SELECT * FROM ${relation} AS t`);
    expect(described.map((c) => [c.column_name, c.column_type])).toEqual([
      ['id', 'BIGINT'],
      ['__fti_file', 'INTEGER'],
      ['__fti_row', 'BIGINT'],
    ]);
  });
});

describe('scanSql filters', () => {
  const filters: [string, Filter, number[]][] = [
    ['a comparison', { column: 'score', op: '>', value: 1 }, [3, 4]],
    ['in', { column: 'name', op: 'in', values: ['ann', 'dee'] }, [1, 5]],
    ['isNull', { column: 'name', op: 'isNull' }, [3]],
    ['a date', { column: 'day', op: '>=', value: new Date('2024-01-02T00:00:00Z') }, [2, 4, 5]],
    [
      'or / not, nulls included',
      { or: [{ column: 'id', op: '=', value: 1n }, { not: { column: 'score', op: '<', value: 3 } }] },
      [1, 4],
    ],
    [
      'and',
      {
        and: [
          { column: 'day', op: '<', value: new Date('2024-02-02T00:00:00Z') },
          { column: 'score', op: 'notNull' },
        ],
      },
      [1, 4],
    ],
  ];

  test.each(filters)('%s keeps the same rows by name and by field id', async (_name, filter, expected) => {
    const pathA = await writeFile(FILE_A);
    const pathB = await writeFile(FILE_B);
    const ids = async (tasks: ScanTask[]) => {
      // Only `id` is returned: the filter's columns must still be read.
      const sql = scanSql({ tasks, schema, columns: ['id'], filter });
      const rows = await db.query(`SELECT id::INTEGER AS id FROM ${sql} AS t ORDER BY id`);
      return { byId: sql.includes(BY_ID), ids: rows.map((r) => r.id) };
    };
    expect(await ids([await taskOf(pathA), await taskOf(pathB)])).toEqual({ byId: false, ids: expected });
    expect(await ids([await taskOf(pathA, false), await taskOf(pathB, false)])).toEqual({
      byId: true,
      ids: expected,
    });
  });
});
