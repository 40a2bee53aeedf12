import { describe, expect, it } from 'vitest';
import {
  appendData,
  createTable,
  describeTable,
  InvalidInputError,
  listSnapshots,
  loadTable,
  overwriteWhere,
  queryTable,
  type Table,
} from '../src/index.js';
import { useTempWarehouse } from '../src/testing/temp-warehouse.js';

// Row-level overwrite (copy-on-write): replacing one feature date inside a month partition touches only
// that date's rows, and re-running it is idempotent.

let tables = 0;

const warehouse = useTempWarehouse('fti-overwrite-where-');

async function newFeatures(): Promise<Table> {
  tables += 1;
  return createTable(warehouse.env, {
    namespace: 'f',
    name: `daily_${tables}`,
    columns: [
      { name: 'customer_id', type: 'long', required: true },
      { name: 'feature_date', type: 'date', required: true },
      { name: 'value', type: 'double' },
    ],
    partition: [{ column: 'feature_date', transform: 'month' }],
  });
}

const rows = (values: [number, string, number][]) => ({
  kind: 'sql' as const,
  sql: `SELECT * FROM (VALUES ${values
    .map(([c, d, v]) => `(${c}::BIGINT, DATE '${d}', ${v}::DOUBLE)`)
    .join(', ')}) AS t(customer_id, feature_date, value)`,
});

const onDate = (date: string) => ({
  column: 'feature_date',
  op: '=' as const,
  value: new Date(`${date}T00:00:00Z`),
});

async function contents(table: Table): Promise<string[]> {
  const result = await queryTable(
    table,
    (t) =>
      `SELECT customer_id, strftime(feature_date, '%Y-%m-%d') AS d, value FROM ${t} ORDER BY d, customer_id`,
  );
  return result.map((r) => `${r.customer_id}@${r.d}=${r.value}`);
}

describe('overwriteWhere', () => {
  it('replaces one date inside a month partition, keeps the other date, and is idempotent', async () => {
    let table = await newFeatures();
    // One file holding two dates of September, one file for October.
    table = await appendData(
      table,
      rows([
        [1, '2011-09-03', 1],
        [2, '2011-09-03', 2],
        [1, '2011-09-10', 10],
        [2, '2011-09-10', 20],
        [1, '2011-10-01', 100],
      ]),
    );
    const octoberBefore = (await describeTable(table)).partitions.find((p) =>
      p.partition.endsWith('2011-10'),
    );
    const update = rows([
      [1, '2011-09-10', 11],
      [3, '2011-09-10', 33],
    ]);
    table = await overwriteWhere(table, update, { where: onDate('2011-09-10') });
    const expected = [
      '1@2011-09-03=1',
      '2@2011-09-03=2',
      '1@2011-09-10=11',
      '3@2011-09-10=33',
      '1@2011-10-01=100',
    ];
    expect(await contents(table)).toEqual(expected);

    const summary = listSnapshots(table).at(-1)?.summary ?? {};
    expect(summary.operation).toBe('overwrite');
    // The September file was removed and replaced by its remainder (2 rows) plus the new rows (2 rows).
    expect(summary['deleted-data-files']).toBe('1');
    expect(summary['deleted-records']).toBe('4');
    expect(summary['added-records']).toBe('4');
    expect(summary['total-records']).toBe('5');
    const october = (await describeTable(table)).partitions.find((p) => p.partition.endsWith('2011-10'));
    expect(october).toEqual(octoberBefore);

    table = await overwriteWhere(table, update, { where: onDate('2011-09-10') });
    expect(await contents(table)).toEqual(expected);
    expect(listSnapshots(table).at(-1)?.summary['total-records']).toBe('5');
  });

  it('removes whole files whose rows all match, without rewriting them', async () => {
    let table = await newFeatures();
    table = await appendData(table, rows([[1, '2011-09-10', 10]]));
    table = await appendData(table, rows([[2, '2011-09-03', 2]]));
    table = await overwriteWhere(table, rows([[1, '2011-09-10', 12]]), { where: onDate('2011-09-10') });
    expect(await contents(table)).toEqual(['2@2011-09-03=2', '1@2011-09-10=12']);
    const summary = listSnapshots(table).at(-1)?.summary ?? {};
    expect(summary['deleted-data-files']).toBe('1');
    expect(summary['added-data-files']).toBe('1');
  });

  it('rejects new rows outside the filter and commits nothing', async () => {
    let table = await newFeatures();
    table = await appendData(table, rows([[1, '2011-09-10', 10]]));
    const before = listSnapshots(table).length;
    await expect(
      overwriteWhere(table, rows([[1, '2011-09-11', 1]]), { where: onDate('2011-09-10') }),
    ).rejects.toThrow(InvalidInputError);
    const reloaded = await loadTable(warehouse.env, table.loaded.identifier);
    expect(listSnapshots(reloaded)).toHaveLength(before);
    expect(await contents(reloaded)).toEqual(['1@2011-09-10=10']);
  });
});
