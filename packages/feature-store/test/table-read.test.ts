import { beforeAll, describe, expect, it } from 'vitest';
import {
  appendData,
  createTable,
  describeTable,
  type Filter,
  planRead,
  queryTable,
  readTable,
  readTableColumns,
  scanTable,
  type Table,
} from '../src/index.js';
import { useTempWarehouse } from '../src/testing/temp-warehouse.js';

// Filtered reads prune files by partition and by column min/max (planRead stats) and still return exactly
// the matching rows; describeTable reports the numbers the store and the rows say.

let table: Table;

/** Per month, customer ids and amounts in disjoint ranges so min/max pruning has something to skip. */
const ROWS: [number, string, number][] = [
  [1, '2024-01-05', 10],
  [2, '2024-01-20', 20],
  [3, '2024-01-31', 30],
  [11, '2024-02-01', 110],
  [12, '2024-02-29', 120],
  [21, '2024-03-01', 210],
  [22, '2024-03-15', 220],
  [23, '2024-03-31', 230],
  [24, '2024-03-31', 240],
];

const warehouse = useTempWarehouse('fti-table-read-', { now: () => 1_700_000_000_000 });

beforeAll(async () => {
  table = await createTable(warehouse.env, {
    namespace: 'reads',
    name: 'sales',
    columns: [
      { name: 'customer_id', type: 'long', required: true },
      { name: 'sale_date', type: 'date', required: true },
      { name: 'amount', type: 'double' },
    ],
    partition: [{ column: 'sale_date', transform: 'month' }],
  });
  // Two commits: January + February first, March second.
  for (const part of [ROWS.slice(0, 5), ROWS.slice(5)]) {
    table = await appendData(table, {
      kind: 'sql',
      sql: `SELECT * FROM (VALUES ${part
        .map(([c, d, a]) => `(${c}::BIGINT, DATE '${d}', ${a}::DOUBLE)`)
        .join(', ')}) AS t(customer_id, sale_date, amount)`,
    });
  }
});

async function ids(filter: Filter): Promise<number[]> {
  const read = await readTable(table, { filter, columns: ['customer_id'] });
  return read
    .toArray()
    .map((r) => Number(r.customer_id))
    .sort((a, b) => a - b);
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const expectedIds = (keep: (row: (typeof ROWS)[number]) => boolean) =>
  ROWS.filter(keep)
    .map(([c]) => c)
    .sort((a, b) => a - b);

describe('filtered reads', () => {
  it('a month filter skips the other months’ files and returns exactly that month', async () => {
    const filter: Filter = {
      and: [
        { column: 'sale_date', op: '>=', value: day('2024-02-01') },
        { column: 'sale_date', op: '<', value: day('2024-03-01') },
      ],
    };
    const plan = await planRead(table, { filter });
    expect(plan.stats.filesTotal).toBe(3);
    expect(plan.stats.filesSkipped).toBe(2);
    expect(plan.tasks.map((t) => t.fileUri.match(/sale_date_month=[0-9-]+/)?.[0])).toEqual([
      'sale_date_month=2024-02',
    ]);
    expect(await ids(filter)).toEqual(expectedIds(([, d]) => d.startsWith('2024-02')));
  });

  it('a min/max filter on a non-partition column skips files whose bounds exclude it', async () => {
    const filter: Filter = { column: 'amount', op: '>', value: 225 };
    const plan = await planRead(table, { filter });
    expect([plan.stats.filesTotal, plan.stats.filesSkipped]).toEqual([3, 2]);
    expect(await ids(filter)).toEqual([23, 24]);
    const between: Filter = {
      and: [
        { column: 'amount', op: '>=', value: 20 },
        { column: 'amount', op: '<=', value: 110 },
      ],
    };
    expect((await planRead(table, { filter: between })).stats.filesSkipped).toBe(1);
    expect(await ids(between)).toEqual(expectedIds(([, , a]) => a >= 20 && a <= 110));
  });

  it('an equality on the long key prunes by bounds; in/or/not filters return exactly their rows', async () => {
    const eq: Filter = { column: 'customer_id', op: '=', value: 12n };
    expect((await planRead(table, { filter: eq })).stats.filesSkipped).toBe(2);
    expect(await ids(eq)).toEqual([12]);
    expect(await ids({ column: 'customer_id', op: 'in', values: [1n, 22n, 99n] })).toEqual([1, 22]);
    const or: Filter = {
      or: [
        { column: 'amount', op: '<', value: 15 },
        { column: 'sale_date', op: '=', value: day('2024-03-31') },
      ],
    };
    expect(await ids(or)).toEqual([1, 23, 24]);
    expect(await ids({ not: { column: 'amount', op: '>=', value: 20 } })).toEqual([1]);
  });

  it('a filter that matches nothing skips every file and reads zero rows', async () => {
    const filter: Filter = { column: 'sale_date', op: '<', value: day('2023-12-31') };
    const plan = await planRead(table, { filter });
    expect([plan.tasks.length, plan.stats.filesSkipped]).toEqual([0, 3]);
    expect((await readTable(table, { filter })).numRows).toBe(0);
  });

  it('typed columns, streamed batches and SQL agree with the rows written', async () => {
    const columns = await readTableColumns(table, {
      columns: ['amount'],
      filter: { column: 'customer_id', op: '<', value: 10n },
    });
    expect([...(columns.values.amount as Float64Array)].sort((a, b) => a - b)).toEqual([10, 20, 30]);
    let streamed = 0;
    for await (const batch of scanTable(table, { batchRows: 2 })) streamed += batch.numRows;
    expect(streamed).toBe(ROWS.length);
    const [sum] = await queryTable(
      table,
      (t) => `SELECT sum(amount) AS total, count(*) AS n FROM ${t} AS t WHERE amount >= 100`,
    );
    expect(sum).toEqual({ total: 110 + 120 + 210 + 220 + 230 + 240, n: 6n });
  });
});

describe('describeTable', () => {
  it('reports files, rows, bytes and partitions matching the store and the rows written', async () => {
    const described = await describeTable(table);
    const stored = await warehouse.env.files.store.list('reads/sales/data/');
    expect(described).toMatchObject({
      table: 'reads.sales',
      location: `${warehouse.env.files.store.rootUri}/reads/sales`,
      formatVersion: 2,
      partitionSpec: ['month(sale_date)'],
      currentSnapshotId: table.loaded.metadata.currentSnapshotId,
      records: ROWS.length,
      dataFiles: 3,
      bytes: stored.reduce((n, o) => n + o.size, 0),
      partitions: [
        { partition: 'sale_date_month=2024-01', dataFiles: 1, records: 3 },
        { partition: 'sale_date_month=2024-02', dataFiles: 1, records: 2 },
        { partition: 'sale_date_month=2024-03', dataFiles: 1, records: 4 },
      ],
    });
    expect(stored).toHaveLength(3);
    expect(described.snapshots.map((s) => [s.totalRecords, s.current])).toEqual([
      [5, false],
      [9, true],
    ]);
  });
});
