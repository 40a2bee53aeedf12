import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  appendData,
  CorruptTableError,
  createTable,
  type DataSource,
  InvalidInputError,
  InvalidKeyError,
  loadTable,
  loadTableFromMetadata,
  overwritePartitions,
  readTable,
  type Table,
  TableNotFoundError,
  UnsupportedTableError,
} from '../src/index.js';
import { useTempWarehouse } from '../src/testing/temp-warehouse.js';

// Bad input at the table level: the error class, a message naming the column or file, and nothing left
// behind: no new snapshot or metadata version, no data file in the store, no staged file on disk.

let table: Table;
const PREFIX = 'bad/sales/';

const warehouse = useTempWarehouse('fti-table-bad-input-', { now: () => 1_700_000_000_000 });

beforeAll(async () => {
  table = await createTable(warehouse.env, {
    namespace: 'bad',
    name: 'sales',
    columns: [
      { name: 'customer_id', type: 'long', required: true },
      { name: 'sale_date', type: 'date', required: true },
      { name: 'amount', type: 'double' },
    ],
    partition: [{ column: 'sale_date', transform: 'month' }],
  });
  table = await appendData(table, {
    kind: 'rows',
    rows: [{ customer_id: 1n, sale_date: new Date('2024-01-05T00:00:00Z'), amount: 1.5 }],
  });
});

async function state() {
  const loaded = await warehouse.env.catalog.loadTable(table.loaded.identifier);
  const staged = await readdir(join(warehouse.dir, 'scratch'), { recursive: true }).catch(() => []);
  return {
    version: loaded.version,
    snapshots: loaded.metadata.snapshots.length,
    keys: (await warehouse.env.files.store.list(PREFIX)).map((o) => o.key),
    stagedParquet: staged.filter((f) => String(f).endsWith('.parquet')),
  };
}

const JAN = new Date('2024-01-10T00:00:00Z');

describe('rows that do not fit the table', () => {
  const cases: { name: string; source: DataSource; column: string; message: RegExp }[] = [
    {
      name: 'unknown column',
      source: { kind: 'rows', rows: [{ customer_id: 2n, sale_date: JAN, colour: 'red' }] },
      column: 'colour',
      message: /column `colour` is not in the table schema/,
    },
    {
      name: 'a string where a double is expected',
      source: { kind: 'rows', rows: [{ customer_id: 2n, sale_date: JAN, amount: 'twelve' }] },
      column: 'amount',
      message: /amount/,
    },
    {
      name: 'a fraction in a long column',
      source: { kind: 'sql', sql: `SELECT 2.5::DOUBLE AS customer_id, DATE '2024-01-10' AS sale_date` },
      column: 'customer_id',
      message: /customer_id/,
    },
    {
      name: 'a time of day in a date column',
      source: { kind: 'rows', rows: [{ customer_id: 2n, sale_date: new Date('2024-01-10T12:30:00Z') }] },
      column: 'sale_date',
      message: /sale_date/,
    },
    {
      name: 'null in the required key column',
      source: {
        kind: 'rows',
        rows: [
          { customer_id: 2n, sale_date: JAN },
          { customer_id: null, sale_date: JAN },
        ],
      },
      column: 'customer_id',
      message: /customer_id/,
    },
    {
      name: 'a required column missing altogether',
      source: { kind: 'rows', rows: [{ customer_id: 2n, amount: 3 }] },
      column: 'sale_date',
      message: /required column `sale_date`/,
    },
    {
      name: 'NaN in a double column',
      source: {
        kind: 'sql',
        sql: `SELECT 2::BIGINT AS customer_id, DATE '2024-01-10' AS sale_date, 'NaN'::DOUBLE AS amount`,
      },
      column: 'amount',
      message: /amount/,
    },
  ];

  it.each(cases)(
    '$name: InvalidInputError naming the column, nothing committed or left behind',
    async (c) => {
      const before = await state();
      for (const write of [appendData, overwritePartitions]) {
        const attempt = write(table, c.source);
        await expect(attempt).rejects.toThrow(InvalidInputError);
        await expect(attempt).rejects.toThrow(c.message);
        await expect(attempt).rejects.toMatchObject({ column: c.column });
      }
      expect(await state()).toEqual(before);
    },
  );

  it('NaN is accepted when allowNaN is set, and reads back as NaN', async () => {
    const source = cases.find((c) => c.name === 'NaN in a double column')?.source as DataSource;
    const withNaN = await appendData(table, source, { allowNaN: true });
    const read = await readTable(withNaN, { columns: ['customer_id', 'amount'] });
    const amounts = read.toArray().map((r) => [Number(r.customer_id), r.amount]);
    expect(amounts.sort()).toEqual([
      [1, 1.5],
      [2, Number.NaN],
    ]);
    table = withNaN;
  });
});

describe('table names and metadata files', () => {
  it('a table name escaping the warehouse is InvalidKeyError naming it, and nothing is written', async () => {
    for (const id of [
      { namespace: 'bad', name: '../x' },
      { namespace: '..', name: 'x' },
      { namespace: 'bad', name: 'a/b' },
    ]) {
      const attempt = createTable(warehouse.env, { ...id, columns: [{ name: 'a', type: 'int' }] });
      await expect(attempt).rejects.toThrow(InvalidKeyError);
      await expect(attempt).rejects.toThrow(id.name === 'x' ? '`..`' : `\`${id.name}\``);
      await expect(loadTable(warehouse.env, id)).rejects.toThrow(InvalidKeyError);
    }
    expect((await readdir(warehouse.dir)).sort()).toEqual(['scratch', 'wh']);
    expect((await readdir(join(warehouse.dir, 'wh'))).sort()).toEqual(['bad']);
  });

  it('a table without metadata is TableNotFoundError naming the table', async () => {
    const attempt = loadTable(warehouse.env, { namespace: 'bad', name: 'nothing_here' });
    await expect(attempt).rejects.toThrow(TableNotFoundError);
    await expect(attempt).rejects.toThrow('`bad.nothing_here`');
  });

  it('corrupt metadata JSON is CorruptTableError naming the file', async () => {
    const id = { namespace: 'bad', name: 'corrupt' };
    const created = await createTable(warehouse.env, { ...id, columns: [{ name: 'a', type: 'int' }] });
    const path = join(warehouse.dir, 'wh', 'bad', 'corrupt', 'metadata', 'v1.metadata.json');
    expect(created.loaded.metadataLocation.endsWith('/bad/corrupt/metadata/v1.metadata.json')).toBe(true);
    await writeFile(path, '{"format-version": 2, "table-uuid": ');
    const attempt = loadTable(warehouse.env, id);
    await expect(attempt).rejects.toThrow(CorruptTableError);
    await expect(attempt).rejects.toThrow('v1.metadata.json');
    await expect(attempt).rejects.toMatchObject({ file: created.loaded.metadataLocation });
    const direct = loadTableFromMetadata(warehouse.env, created.loaded.metadataLocation);
    await expect(direct).rejects.toThrow(CorruptTableError);
  });

  it('metadata of format version 3 is UnsupportedTableError naming the file, and nothing is written', async () => {
    const id = { namespace: 'bad', name: 'future' };
    const created = await createTable(warehouse.env, { ...id, columns: [{ name: 'a', type: 'int' }] });
    const path = join(warehouse.dir, 'wh', 'bad', 'future', 'metadata', 'v1.metadata.json');
    const json = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    await writeFile(path, JSON.stringify({ ...json, 'format-version': 3 }));
    const attempt = loadTable(warehouse.env, id);
    await expect(attempt).rejects.toThrow(UnsupportedTableError);
    await expect(attempt).rejects.toThrow(/v1\.metadata\.json.*format-version 3/);
    const direct = loadTableFromMetadata(warehouse.env, created.loaded.metadataLocation);
    await expect(direct).rejects.toThrow(UnsupportedTableError);
    expect((await warehouse.env.files.store.list('bad/future/')).map((o) => o.key)).toEqual([
      'bad/future/metadata/v1.metadata.json',
      'bad/future/metadata/version-hint.text',
    ]);
  });
});
