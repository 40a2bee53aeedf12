import { describe, expect, it } from 'vitest';
import {
  addColumns,
  appendData,
  createTable,
  describeTable,
  expireSnapshots,
  InvalidInputError,
  listSnapshots,
  overwritePartitions,
  planRead,
  readManifestList,
  readTable,
  SnapshotNotFoundError,
  type Table,
} from '../src/index.js';
import { useTempWarehouse } from '../src/testing/temp-warehouse.js';

// Table history with real values: time travel on an injected clock, partition overwrites, schema evolution
// and snapshot expiry, each checked against hand-written rows and the files in the store.

let clock = 1_000_000;
let tables = 0;

const warehouse = useTempWarehouse('fti-table-history-', { now: () => clock });

async function newSales(): Promise<Table> {
  tables += 1;
  return createTable(warehouse.env, {
    namespace: 'hist',
    name: `sales_${tables}`,
    columns: [
      { name: 'customer_id', type: 'long', required: true },
      { name: 'sale_date', type: 'date', required: true },
      { name: 'amount', type: 'double' },
    ],
    partition: [{ column: 'sale_date', transform: 'month' }],
  });
}

const sales = (rows: [number, string, number | null][]) => ({
  kind: 'sql' as const,
  sql: `SELECT * FROM (VALUES ${rows
    .map(([c, d, a]) => `(${c}::BIGINT, DATE '${d}', ${a === null ? 'NULL' : a}::DOUBLE)`)
    .join(', ')}) AS t(customer_id, sale_date, amount)`,
});

/** Rows as `customer date amount` strings, sorted. */
async function rowsOf(table: Table, options: Parameters<typeof readTable>[1] = {}): Promise<string[]> {
  const read = await readTable(table, options);
  return read
    .toArray()
    .map((r) => {
      const row = r.toJSON() as Record<string, unknown>;
      const day = new Date(row.sale_date as number).toISOString().slice(0, 10);
      const extra = 'discount' in row ? ` ${row.discount}` : '';
      return `${row.customer_id} ${day} ${row.amount}${extra}`;
    })
    .sort();
}

describe('time travel', () => {
  it('reads each snapshot by id and by timestamp on the injected clock', async () => {
    clock = 1_000_000;
    let table = await newSales();
    clock = 2_000_000;
    table = await appendData(
      table,
      sales([
        [1, '2024-01-03', 10],
        [2, '2024-01-04', 20],
      ]),
    );
    clock = 3_000_000;
    table = await appendData(table, sales([[3, '2024-02-01', 30]]));
    clock = 4_000_000;
    table = await overwritePartitions(table, sales([[1, '2024-01-03', 11]]));
    const snapshots = listSnapshots(table);
    expect(snapshots.map((s) => [s.timestampMs, s.operation, s.totalRecords, s.sequenceNumber])).toEqual([
      [2_000_000, 'append', 2, 1],
      [3_000_000, 'append', 3, 2],
      [4_000_000, 'overwrite', 2, 3],
    ]);
    const [s1, s2, s3] = snapshots.map((s) => s.snapshotId);
    const v1 = ['1 2024-01-03 10', '2 2024-01-04 20'];
    const v2 = [...v1, '3 2024-02-01 30'];
    const v3 = ['1 2024-01-03 11', '3 2024-02-01 30'];
    expect(await rowsOf(table, { snapshotId: s1 })).toEqual(v1);
    expect(await rowsOf(table, { snapshotId: s2 })).toEqual(v2);
    expect(await rowsOf(table, { snapshotId: s3 })).toEqual(v3);
    expect(await rowsOf(table)).toEqual(v3);
    expect(await rowsOf(table, { asOf: 2_000_000 })).toEqual(v1);
    expect(await rowsOf(table, { asOf: 2_999_999 })).toEqual(v1);
    expect(await rowsOf(table, { asOf: 3_000_000 })).toEqual(v2);
    expect(await rowsOf(table, { asOf: new Date(9_000_000) })).toEqual(v3);
    const early = readTable(table, { asOf: 1_999_999 });
    await expect(early).rejects.toThrow(SnapshotNotFoundError);
    await expect(early).rejects.toThrow(new Date(2_000_000).toISOString());
    const unknown = readTable(table, { snapshotId: 42n });
    await expect(unknown).rejects.toThrow(SnapshotNotFoundError);
    await expect(unknown).rejects.toThrow(/snapshot 42 does not exist/);
  });

  it('a table with no snapshot reads empty, and any as-of time finds no snapshot', async () => {
    const table = await newSales();
    expect((await readTable(table)).numRows).toBe(0);
    await expect(readTable(table, { asOf: clock })).rejects.toThrow(SnapshotNotFoundError);
  });
});

describe('overwritePartitions', () => {
  it('replaces exactly the touched month, leaves the other files as they were, and is idempotent', async () => {
    let table = await newSales();
    table = await appendData(
      table,
      sales([
        [1, '2024-01-10', 1],
        [2, '2024-02-10', 2],
        [3, '2024-02-20', 3],
        [4, '2024-03-10', 4],
      ]),
    );
    const filesBefore = (await planRead(table)).tasks.map((t) => t.fileUri);
    const untouched = filesBefore.filter((f) => !f.includes('sale_date_month=2024-02'));
    expect(untouched).toHaveLength(2);

    const february = sales([
      [2, '2024-02-10', 200],
      [5, '2024-02-29', null],
    ]);
    table = await overwritePartitions(table, february);
    const expected = ['1 2024-01-10 1', '2 2024-02-10 200', '4 2024-03-10 4', '5 2024-02-29 null'];
    expect(await rowsOf(table)).toEqual(expected);
    const first = listSnapshots(table).at(-1);
    expect(first?.summary).toMatchObject({
      operation: 'overwrite',
      'added-data-files': '1',
      'added-records': '2',
      'deleted-data-files': '1',
      'deleted-records': '2',
      'changed-partition-count': '1',
      'total-records': '4',
      'total-data-files': '3',
    });
    const filesAfter = (await planRead(table)).tasks.map((t) => t.fileUri);
    expect(filesAfter.filter((f) => untouched.includes(f)).sort()).toEqual([...untouched].sort());

    table = await overwritePartitions(table, february);
    expect(await rowsOf(table)).toEqual(expected);
    expect(listSnapshots(table).at(-1)?.summary).toMatchObject({
      operation: 'overwrite',
      'added-records': '2',
      'deleted-data-files': '1',
      'deleted-records': '2',
      'total-records': '4',
      'total-data-files': '3',
    });
    expect(listSnapshots(table)).toHaveLength(3);
  });

  it('empties a partition named in `partitions` that the new rows do not touch', async () => {
    let table = await newSales();
    table = await appendData(
      table,
      sales([
        [1, '2024-01-10', 1],
        [4, '2024-03-10', 4],
      ]),
    );
    // month 650 = 2024-03 (months since 1970-01).
    table = await overwritePartitions(table, sales([[1, '2024-01-11', 9]]), {
      partitions: [{ sale_date_month: 650 }],
    });
    expect(await rowsOf(table)).toEqual(['1 2024-01-11 9']);
    expect(listSnapshots(table).at(-1)?.summary).toMatchObject({
      'deleted-data-files': '2',
      'deleted-records': '2',
      'total-records': '1',
      'changed-partition-count': '2',
    });
  });
});

describe('addColumns', () => {
  it('old snapshots read without the column, old rows read null, new rows carry values', async () => {
    let table = await newSales();
    table = await appendData(table, sales([[1, '2024-01-10', 1]]));
    const before = table.loaded.metadata.currentSnapshotId as bigint;
    table = await addColumns(table, [{ name: 'discount', type: 'double', doc: 'rebate, GBP' }]);
    expect(table.loaded.metadata.currentSnapshotId).toBe(before);
    expect(await rowsOf(table)).toEqual(['1 2024-01-10 1 null']);
    table = await appendData(table, {
      kind: 'sql',
      sql: `SELECT 2::BIGINT AS customer_id, DATE '2024-01-11' AS sale_date, 5.0 AS amount, 0.5 AS discount`,
    });
    expect(await rowsOf(table)).toEqual(['1 2024-01-10 1 null', '2 2024-01-11 5 0.5']);
    const old = await readTable(table, { snapshotId: before });
    expect(old.schema.fields.map((f) => f.name)).toEqual(['customer_id', 'sale_date', 'amount']);
    expect(await rowsOf(table, { snapshotId: before })).toEqual(['1 2024-01-10 1']);
    const described = await describeTable(table);
    expect(described.columns).toEqual([
      { id: 1, name: 'customer_id', type: 'long', required: true },
      { id: 2, name: 'sale_date', type: 'date', required: true },
      { id: 3, name: 'amount', type: 'double', required: false },
      { id: 4, name: 'discount', type: 'double', required: false },
    ]);
    expect(table.loaded.metadata.lastColumnId).toBe(4);
  });

  it('rejects a required or an existing column by name and commits nothing', async () => {
    const table = await newSales();
    const versions = table.loaded.version;
    const required = addColumns(table, [{ name: 'tier', type: 'string', required: true }]);
    await expect(required).rejects.toThrow(InvalidInputError);
    await expect(required).rejects.toThrow(/`tier`/);
    const existing = addColumns(table, [{ name: 'Amount', type: 'double' }]);
    await expect(existing).rejects.toThrow(InvalidInputError);
    await expect(existing).rejects.toThrow(/Amount/);
    const reloaded = await warehouse.env.catalog.loadTable(table.loaded.identifier);
    expect(reloaded.version).toBe(versions);
    expect(reloaded.metadata.schemas).toHaveLength(1);
  });
});

describe('expireSnapshots', () => {
  it('removes exactly the files only expired snapshots referenced, and the table stays readable', async () => {
    clock = 10_000_000;
    let table = await newSales();
    const prefix = `${table.loaded.identifier.namespace}/${table.loaded.identifier.name}/`;
    clock += 1000;
    table = await appendData(table, sales([[1, '2024-01-10', 1]]));
    clock += 1000;
    table = await appendData(table, sales([[2, '2024-02-10', 2]]));
    clock += 1000;
    table = await overwritePartitions(table, sales([[1, '2024-01-10', 100]]));
    const [s1, s2] = table.loaded.metadata.snapshots;
    if (!s1 || !s2) throw new Error('expected three snapshots');
    const key = (uri: string) => warehouse.env.files.keyOf(uri);
    const firstManifests = readManifestList(await warehouse.env.files.read(s1.manifestList), s1.manifestList);
    const oldJanuary = (await planRead(table, { snapshotId: s1.snapshotId })).tasks.map((t) => t.fileUri);
    const expectedGone = [
      s1.manifestList,
      s2.manifestList,
      ...firstManifests.map((m) => m.manifestPath),
      ...oldJanuary,
    ].map(key);
    expect(expectedGone).toHaveLength(4);
    const rowsBefore = await rowsOf(table);
    const keysBefore = (await warehouse.env.files.store.list(prefix)).map((o) => o.key);

    const result = await expireSnapshots(table, { retainLast: 1 });
    expect(result.expiredSnapshotIds).toEqual([s1.snapshotId, s2.snapshotId]);
    expect([result.deletedDataFiles, result.deletedManifests, result.deletedManifestLists]).toEqual([
      1, 1, 2,
    ]);
    const keysAfter = (await warehouse.env.files.store.list(prefix)).map((o) => o.key);
    const removed = keysBefore.filter((k) => !keysAfter.includes(k));
    const added = keysAfter.filter((k) => !keysBefore.includes(k));
    expect(removed.sort()).toEqual([...expectedGone].sort());
    expect(added).toEqual([`${prefix}metadata/v5.metadata.json`]);

    table = result.table;
    expect(await rowsOf(table)).toEqual(rowsBefore);
    expect(rowsBefore).toEqual(['1 2024-01-10 100', '2 2024-02-10 2']);
    expect(listSnapshots(table)).toHaveLength(1);
    await expect(readTable(table, { snapshotId: s1.snapshotId })).rejects.toThrow(SnapshotNotFoundError);
    const again = await expireSnapshots(table);
    expect(again.expiredSnapshotIds).toEqual([]);
  });

  it('olderThanMs keeps snapshots committed at or after the cutoff', async () => {
    clock = 20_000_000;
    let table = await newSales();
    for (const [i, day] of ['2024-01-01', '2024-01-02', '2024-01-03'].entries()) {
      clock = 20_000_000 + (i + 1) * 1000;
      table = await appendData(table, sales([[i, day, i]]));
    }
    const result = await expireSnapshots(table, { olderThanMs: 20_002_000, retainLast: 1 });
    expect(result.expiredSnapshotIds).toEqual([table.loaded.metadata.snapshots[0]?.snapshotId]);
    expect(listSnapshots(result.table).map((s) => s.timestampMs)).toEqual([20_002_000, 20_003_000]);
    expect(await rowsOf(result.table)).toEqual(['0 2024-01-01 0', '1 2024-01-02 1', '2 2024-01-03 2']);
    // Appends share data files: nothing but the expired manifest list can go.
    expect([result.deletedDataFiles, result.deletedManifests, result.deletedManifestLists]).toEqual([
      0, 0, 1,
    ]);
  });
});
