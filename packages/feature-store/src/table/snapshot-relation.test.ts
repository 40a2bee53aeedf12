import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DataSource } from '../engine/write-data-files.js';
import { LocalObjectStore } from '../object-store/local-object-store.js';
import { useTempWarehouse } from '../testing/temp-warehouse.js';
import { appendData } from './append-data.js';
import { createTable } from './create-table.js';
import { listSnapshots } from './list-snapshots.js';
import { loadTableFromMetadata } from './load-table-from-metadata.js';
import { overwriteWhere } from './overwrite-where.js';
import { snapshotRelation } from './scan-table.js';
import type { Table } from './table-env.js';

// snapshotRelation({ rowAddress: true }) adds __fti_file and __fti_row so results computed outside DuckDB
// can be joined back to the same relation string: an address must name exactly one row, always the same.

type Row = Record<string, unknown>;

let tables = 0;

const warehouse = useTempWarehouse('fti-snapshot-relation-');

async function newTable(): Promise<Table> {
  tables += 1;
  return createTable(warehouse.env, {
    namespace: 'f',
    name: `scores_${tables}`,
    columns: [
      { name: 'id', type: 'long', required: true },
      { name: 'name', type: 'string' },
      { name: 'score', type: 'double' },
    ],
  });
}

/** Rows with ids `from` ≤ id < `to`, named `n<id>`, scored id / 2. */
const idRange = (from: number, to: number): DataSource => ({
  kind: 'sql',
  sql: `SELECT i AS id, 'n' || i AS name, i / 2 AS score FROM range(${from}, ${to}) AS r(i)`,
});

/**
 * Reads every row of the relation with its address, checks the addresses are unique and that joining them
 * back to the relation (as a consumer of computed results does) finds each row's own values; returns the rows.
 */
async function readAddressed(relation: string): Promise<Row[]> {
  const rows = await warehouse.env.db.query(`SELECT * FROM ${relation} AS t ORDER BY __fti_file, __fti_row`);
  const addresses = rows.map((r) => `${r.__fti_file}/${r.__fti_row}`);
  expect(new Set(addresses).size).toBe(rows.length);
  const keys = rows.map((r, i) => `(${r.__fti_file}, ${r.__fti_row}, ${i})`).join(', ');
  const joined = await warehouse.env.db.query(
    `SELECT k.i, t.* FROM ${relation} AS t JOIN (VALUES ${keys}) AS k(f, r, i)
     ON t.__fti_file = k.f AND t.__fti_row = k.r ORDER BY k.i`,
  );
  expect(joined.map(({ i: _i, ...row }) => row)).toEqual(rows);
  return rows;
}

/** The rows at one address of the relation. */
function rowsAt(relation: string, file: unknown, row: unknown): Promise<Row[]> {
  return warehouse.env.db.query(
    `SELECT * FROM ${relation} AS t WHERE __fti_file = ${file} AND __fti_row = ${row}`,
  );
}

describe('snapshotRelation with rowAddress', () => {
  it('gives each row of a three-append table a unique address that selects exactly that row', async () => {
    let table = await newTable();
    table = await appendData(table, idRange(0, 3));
    table = await appendData(table, idRange(3, 7));
    table = await appendData(table, idRange(7, 9));
    const { relation } = await snapshotRelation(table, { rowAddress: true });
    const rows = await readAddressed(relation);
    expect(rows).toHaveLength(listSnapshots(table).at(-1)?.totalRecords ?? -1);
    expect(rows.map((r) => Number(r.id)).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    // One data file per append, numbered from 0, its rows numbered from 0.
    const files = [...new Set(rows.map((r) => r.__fti_file as number))];
    expect(files).toEqual([0, 1, 2]);
    const positions = (file: number) =>
      rows.filter((r) => r.__fti_file === file).map((r) => Number(r.__fti_row));
    expect(files.map(positions).sort((a, b) => a.length - b.length)).toEqual([
      [0, 1],
      [0, 1, 2],
      [0, 1, 2, 3],
    ]);

    const five = rows.find((r) => r.id === 5n) as Row;
    expect(await rowsAt(relation, five.__fti_file, five.__fti_row)).toEqual([
      { id: 5n, name: 'n5', score: 2.5, __fti_file: five.__fti_file, __fti_row: five.__fti_row },
    ]);
  });

  it('addresses the rows of a table after overwriteWhere rewrote one of its files', async () => {
    let table = await newTable();
    table = await appendData(table, idRange(0, 4));
    table = await appendData(table, idRange(4, 6));
    // Copy-on-write: the first file is replaced by its rows 0 and 3, and the new rows land in a new file.
    table = await overwriteWhere(
      table,
      {
        kind: 'rows',
        rows: [
          { id: 1n, name: 'one', score: 10 },
          { id: 2n, name: 'two', score: 20 },
        ],
      },
      { where: { column: 'id', op: 'in', values: [1n, 2n] } },
    );
    const overwrite = listSnapshots(table).at(-1);
    expect([overwrite?.summary['deleted-data-files'], overwrite?.totalRecords]).toEqual(['1', 6]);
    const { relation } = await snapshotRelation(table, { rowAddress: true, columns: ['id', 'name'] });
    const rows = await readAddressed(relation);
    expect(rows.map((r) => Number(r.id)).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(new Set(rows.map((r) => r.__fti_file))).toEqual(new Set([0, 1, 2]));

    const two = rows.find((r) => r.id === 2n) as Row;
    expect(await rowsAt(relation, two.__fti_file, two.__fti_row)).toEqual([
      { id: 2n, name: 'two', __fti_file: two.__fti_file, __fti_row: two.__fti_row },
    ]);
  });

  it('keeps physical positions in files with position and equality deletes (Iceberg Java fixture)', async () => {
    // java/bunnies: the initial file's rows 2-6 and 11 are position-deleted and row 20 (New Zealand) is
    // equality-deleted, its update in a second file without deletes, which is numbered first.
    const fixtures = fileURLToPath(new URL('../../fixtures/iceberg/', import.meta.url));
    const store = new LocalObjectStore({ root: fixtures });
    const table = await loadTableFromMetadata(
      warehouse.env,
      's3a://hyperparam-iceberg/java/bunnies/metadata/v5.metadata.json',
      { aliases: [{ uriPrefix: 's3a://hyperparam-iceberg', store, keyPrefix: 'hyperparam-iceberg' }] },
    );
    const { relation } = await snapshotRelation(table, { rowAddress: true });
    const rows = await readAddressed(relation);
    expect(rows).toHaveLength(15);
    const positions = (file: number) =>
      rows.filter((r) => r.__fti_file === file).map((r) => Number(r.__fti_row));
    expect(positions(0)).toEqual([0]);
    expect(positions(1)).toEqual([0, 1, 7, 8, 9, 10, 12, 13, 14, 15, 16, 17, 18, 19]);

    // Each address of the initial file holds the breed at that position of the file itself.
    const initial = join(fixtures, 'hyperparam-iceberg/java/bunnies/data/bunnies-initial.parquet');
    const physical = await warehouse.env.db.query(
      `SELECT t."Breed Name" AS relation, p."Breed_x20Name" AS file
       FROM ${relation} AS t JOIN read_parquet('${initial}', file_row_number = true) AS p
       ON t.__fti_file = 1 AND t.__fti_row = p.file_row_number`,
    );
    expect(physical).toHaveLength(14);
    for (const pair of physical) expect(pair.relation).toBe(pair.file);

    expect((await rowsAt(relation, 1, 7)).map((r) => r['Breed Name'])).toEqual(['American Fuzzy Lop']);
    expect(await rowsAt(relation, 1, 20)).toEqual([]);
    expect((await rowsAt(relation, 0, 0)).map((r) => [r['Breed Name'], r.__happy__])).toEqual([
      ['New Zealand', true],
    ]);
  });
});
