import { readdir } from 'node:fs/promises';
import type * as arrow from 'apache-arrow';
import { icebergRead } from 'icebird';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  appendData,
  expireSnapshots,
  LocalObjectStore,
  listSnapshots,
  loadTableFromMetadata,
  planRead,
  readTable,
  SnapshotNotFoundError,
  type Table,
  TableNotFoundError,
  UnsupportedTableError,
} from '../src/index.js';
import { useTempWarehouse } from '../src/testing/temp-warehouse.js';
import { ICEBERG_FIXTURES } from './iceberg-fixtures.js';
import { fileFetch } from './interop-file-fetch.js';

// Expected values come from the fixture README (row counts per table) and from two independent reads:
// icebird 0.3.1 over the same files, and DuckDB read_parquet of each data/delete file (delete positions
// pinned below). Our reader goes through loadTableFromMetadata + readTable only.

type Row = Record<string, unknown>;

const warehouse = useTempWarehouse('fti-fixtures-read-');

beforeAll(async () => {
  vi.stubGlobal('fetch', fileFetch);
});

afterAll(async () => {
  vi.unstubAllGlobals();
});

const fixtures = new LocalObjectStore({ root: ICEBERG_FIXTURES });
const aliases = ['s3', 's3a'].map((scheme) => ({
  uriPrefix: `${scheme}://hyperparam-iceberg`,
  store: fixtures,
  keyPrefix: 'hyperparam-iceberg',
}));

function open(table: string, metadataFile: string): Promise<Table> {
  return loadTableFromMetadata(warehouse.env, `s3a://hyperparam-iceberg/${table}/metadata/${metadataFile}`, {
    aliases,
  });
}

/** Rows as plain JSON values: bigint → number, dates (epoch ms from Arrow, Date from icebird) → ISO day. */
function normalize(rows: Row[], columns: string[], dateColumns: string[] = []): Row[] {
  return rows
    .map((row) =>
      Object.fromEntries(
        columns.map((c) => {
          const v = row[c];
          if (v === undefined || v === null) return [c, null];
          if (typeof v === 'bigint') return [c, Number(v)];
          if (v instanceof Date) return [c, v.toISOString().slice(0, 10)];
          if (dateColumns.includes(c)) return [c, new Date(v as number).toISOString().slice(0, 10)];
          return [c, v];
        }),
      ),
    )
    .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
}

function ours(table: arrow.Table, dateColumns: string[] = []): Row[] {
  const columns = table.schema.fields.map((f) => f.name);
  return normalize(
    table.toArray().map((r) => r.toJSON() as Row),
    columns,
    dateColumns,
  );
}

async function icebird(table: string, metadataFile: string, columns: string[], dates: string[] = []) {
  const rows = await icebergRead({
    tableUrl: `s3://hyperparam-iceberg/${table}`,
    metadataFileName: metadataFile,
  });
  return normalize(rows, columns, dates);
}

const breeds = (rows: Row[]) => rows.map((r) => r['Breed Name'] as string).sort();

const ALL_BREEDS = [
  'American Fuzzy Lop',
  'Belgian Hare',
  'Californian',
  'Dutch',
  'English Angora',
  'English Lop',
  'Flemish Giant',
  'French Angora',
  'Harlequin',
  'Himalayan',
  'Holland Lop',
  'Lionhead',
  'Mini Lop',
  'Mini Rex',
  'Netherland Dwarf',
  'New Zealand',
  'Polish',
  'Rex',
  'Satin Angora',
  'Silver Fox',
  'Thrianta',
];
const BUNNY_COLUMNS = [
  'Breed Name',
  'Average Weight',
  'Fur Length',
  'Lifespan',
  'Origin Country',
  'Ear Type',
  'Temperament',
  'Popularity Rank',
];

describe('athena/example (Athena, Glue-style metadata names, no version hint)', () => {
  it('reads the two rows, equal to icebird', async () => {
    const table = await open('athena/example', '00001-aaf0d033-d06b-43c7-be60-67f83abd4aca.metadata.json');
    const rows = ours(await readTable(table));
    expect(rows).toEqual([
      { id: 1, name: 'Alice' },
      { id: 2, name: 'Bob' },
    ]);
    expect(rows).toEqual(
      await icebird('athena/example', '00001-aaf0d033-d06b-43c7-be60-67f83abd4aca.metadata.json', [
        'id',
        'name',
      ]),
    );
    expect(table.loaded.identifier).toEqual({ namespace: 'athena', name: 'example' });
  });

  it('the first metadata file has no snapshot and reads as an empty table with the schema', async () => {
    const table = await open('athena/example', '00000-eedf51e6-8c09-463b-8850-844ee6ec1de0.metadata.json');
    const result = await readTable(table);
    expect(result.numRows).toBe(0);
    expect(result.schema.fields.map((f) => f.name)).toEqual(['id', 'name']);
  });
});

describe('spark/bunnies (Spark: position delete, copy-on-write overwrite, added column)', () => {
  const ids = { first: 7505300640432048841n, deleted: 469881615898633426n, rewritten: 2701171901096418979n };

  it('lists the three snapshots with their operations and totals', async () => {
    const table = await open('spark/bunnies', 'v5.metadata.json');
    expect(listSnapshots(table).map((s) => [s.snapshotId, s.operation, s.totalRecords, s.current])).toEqual([
      [ids.first, 'append', 21, false],
      [ids.deleted, 'overwrite', 21, false],
      [ids.rewritten, 'overwrite', 20, true],
    ]);
  });

  it('first snapshot: all 21 breeds, old schema without the added column', async () => {
    const table = await open('spark/bunnies', 'v5.metadata.json');
    const result = await readTable(table, { snapshotId: ids.first });
    expect(result.schema.fields.map((f) => f.name)).toEqual(BUNNY_COLUMNS);
    const rows = ours(result);
    expect(breeds(rows)).toEqual(ALL_BREEDS);
    expect(rows.find((r) => r['Breed Name'] === 'Holland Lop')).toEqual({
      'Breed Name': 'Holland Lop',
      'Average Weight': 1.8,
      'Fur Length': 3,
      Lifespan: 7,
      'Origin Country': 'The Netherlands',
      'Ear Type': 'Lop',
      Temperament: 'Friendly',
      'Popularity Rank': 1,
    });
    expect(rows).toEqual(await icebird('spark/bunnies', 'v2.metadata.json', BUNNY_COLUMNS));
  });

  it('second snapshot: the position delete (pos 0 of the first file) removes Holland Lop only', async () => {
    const table = await open('spark/bunnies', 'v5.metadata.json');
    const rows = ours(await readTable(table, { snapshotId: ids.deleted }));
    expect(breeds(rows)).toEqual(ALL_BREEDS.filter((b) => b !== 'Holland Lop'));
    expect(rows).toEqual(await icebird('spark/bunnies', 'v3.metadata.json', BUNNY_COLUMNS));
  });

  it('current snapshot: 20 rows with the added breed_name_length column filled by the rewrite', async () => {
    const table = await open('spark/bunnies', 'v5.metadata.json');
    const result = await readTable(table);
    const columns = [...BUNNY_COLUMNS, 'breed_name_length'];
    expect(result.schema.fields.map((f) => f.name)).toEqual(columns);
    const rows = ours(result);
    expect(breeds(rows)).toEqual(ALL_BREEDS.filter((b) => b !== 'Holland Lop'));
    for (const row of rows) expect(row.breed_name_length).toBe((row['Breed Name'] as string).length);
    expect(rows).toEqual(await icebird('spark/bunnies', 'v5.metadata.json', columns));
  });

  it('time travel by timestamp picks the snapshot current at that time', async () => {
    const table = await open('spark/bunnies', 'v5.metadata.json');
    // 1743310500792 is the second snapshot's commit time; one ms before it the first one was current.
    expect((await readTable(table, { asOf: 1743310500792 })).numRows).toBe(20);
    expect((await readTable(table, { asOf: 1743310500791 })).numRows).toBe(21);
    expect((await readTable(table, { asOf: new Date(1743310561983) })).schema.fields.length).toBe(9);
    await expect(readTable(table, { asOf: 1743310454185 })).rejects.toThrow(SnapshotNotFoundError);
    await expect(readTable(table, { snapshotId: 123n })).rejects.toThrow(SnapshotNotFoundError);
  });
});

describe('java/bunnies (Iceberg Java: position and equality deletes, added column)', () => {
  const ids = { first: 4951213507629824583n, deleted: 6458828015811002920n, updated: 9158179788527662767n };
  const POSITION_DELETED = ['English Lop', 'Flemish Giant', 'French Angora', 'Lionhead', 'Mini Lop', 'Rex'];
  const columns = [...BUNNY_COLUMNS, '__happy__'];

  it('first snapshot: 21 rows in the original schema', async () => {
    const table = await open('java/bunnies', 'v5.metadata.json');
    const result = await readTable(table, { snapshotId: ids.first });
    expect(result.schema.fields.map((f) => f.name)).toEqual(BUNNY_COLUMNS);
    expect(breeds(ours(result))).toEqual(ALL_BREEDS);
  });

  it('second snapshot: six position deletes (rows 2-6 and 11 of the initial file) applied', async () => {
    const table = await open('java/bunnies', 'v5.metadata.json');
    const rows = ours(await readTable(table, { snapshotId: ids.deleted }));
    expect(breeds(rows)).toEqual(ALL_BREEDS.filter((b) => !POSITION_DELETED.includes(b)));
    expect(rows.every((r) => r.__happy__ === null)).toBe(true);
    expect(rows).toEqual(await icebird('java/bunnies', 'v4.metadata.json', columns));
  });

  it('current snapshot: the equality delete replaces New Zealand by its updated row', async () => {
    const table = await open('java/bunnies', 'v5.metadata.json');
    const rows = ours(await readTable(table));
    expect(rows).toHaveLength(15);
    expect(breeds(rows)).toEqual(ALL_BREEDS.filter((b) => !POSITION_DELETED.includes(b)));
    expect(rows.filter((r) => r['Breed Name'] === 'New Zealand')).toEqual([
      {
        'Breed Name': 'New Zealand',
        'Average Weight': 4,
        'Fur Length': 2.7,
        Lifespan: 8,
        'Origin Country': 'New Zealand',
        'Ear Type': 'Erect',
        Temperament: 'Affectionate',
        'Popularity Rank': 0,
        __happy__: true,
      },
    ]);
    expect(rows.filter((r) => r.__happy__ !== null).map((r) => r['Breed Name'])).toEqual(['New Zealand']);
    expect(rows).toEqual(await icebird('java/bunnies', 'v5.metadata.json', columns));
  });

  it('a column filter reads the updated row only', async () => {
    const table = await open('java/bunnies', 'v5.metadata.json');
    const result = await readTable(table, {
      filter: { column: 'Popularity Rank', op: '<', value: 1 },
      columns: ['Breed Name', '__happy__'],
    });
    expect(ours(result)).toEqual([{ 'Breed Name': 'New Zealand', __happy__: true }]);
  });
});

describe('spark/rename_column (bucket + identity partitions, null partition, renamed column, decimal)', () => {
  const rows = (dateColumn: string) => [
    { id: 1, name: 'Flopsy 🐇', [dateColumn]: '2022-01-01', price: 9.99, active: true },
    { id: 2, name: 'Mopsy–Naïve', [dateColumn]: '2022-01-01', price: -5, active: false },
    { id: 3, name: 'Cottontail', [dateColumn]: null, price: 0, active: true },
    { id: 4, name: 'Thumper', [dateColumn]: '2022-01-02', price: 99999999.99, active: false },
  ];
  const sortById = (r: Row[]) => [...r].sort((a, b) => (a.id as number) - (b.id as number));

  it('reads the renamed column by field id: event_date now, date in the older metadata', async () => {
    const current = await open('spark/rename_column', 'v3.metadata.json');
    const now = sortById(ours(await readTable(current), ['event_date']));
    expect(now).toEqual(rows('event_date'));
    const columns = ['id', 'name', 'event_date', 'price', 'active'];
    expect(now).toEqual(
      sortById(await icebird('spark/rename_column', 'v3.metadata.json', columns, ['event_date'])),
    );
    const before = await open('spark/rename_column', 'v2.metadata.json');
    expect(sortById(ours(await readTable(before), ['date']))).toEqual(rows('date'));
  });

  it('prunes by the identity partition and keeps the null partition for isNull', async () => {
    const table = await open('spark/rename_column', 'v3.metadata.json');
    const filter = { column: 'event_date', op: '=', value: new Date('2022-01-02T00:00:00Z') } as const;
    const plan = await planRead(table, { filter });
    expect(plan.stats.filesTotal).toBe(3);
    expect(plan.stats.filesSkipped).toBe(2);
    expect(ours(await readTable(table, { filter, columns: ['id', 'name'] }))).toEqual([
      { id: 4, name: 'Thumper' },
    ]);
    const nulls = await readTable(table, { filter: { column: 'event_date', op: 'isNull' }, columns: ['id'] });
    expect(ours(nulls)).toEqual([{ id: 3 }]);
  });
});

describe('static tables are read-only', () => {
  it('refuses an append and a snapshot expiry with an error naming the metadata file, writing nothing', async () => {
    const before = await readdir(ICEBERG_FIXTURES, { recursive: true });
    const uri = 's3a://hyperparam-iceberg/java/bunnies/metadata/v5.metadata.json';
    const table = await loadTableFromMetadata(warehouse.env, uri, { aliases });
    const append = appendData(table, {
      kind: 'rows',
      rows: [{ 'Breed Name': 'Lop', 'Average Weight': 1, 'Popularity Rank': 99n }],
    });
    await expect(append).rejects.toThrow(UnsupportedTableError);
    await expect(append).rejects.toThrow(uri);
    await expect(expireSnapshots(table)).rejects.toThrow(UnsupportedTableError);
    await expect(expireSnapshots(table)).rejects.toThrow(/read-only/);
    expect((await readdir(ICEBERG_FIXTURES, { recursive: true })).sort()).toEqual(before.sort());
    expect(await warehouse.env.files.store.list('')).toEqual([]);
  });

  it('a missing metadata file is TableNotFoundError naming it', async () => {
    const uri = 's3a://hyperparam-iceberg/java/bunnies/metadata/v9.metadata.json';
    const missing = loadTableFromMetadata(warehouse.env, uri, { aliases });
    await expect(missing).rejects.toThrow(TableNotFoundError);
    await expect(missing).rejects.toThrow(uri);
  });
});
