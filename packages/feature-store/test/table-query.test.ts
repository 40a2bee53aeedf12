import { describe, expect, it } from 'vitest';
import { appendData, createTable, queryTable, queryTableArrow } from '../src/index.js';
import { useTempWarehouse } from '../src/testing/temp-warehouse.js';

const warehouse = useTempWarehouse('fti-query-');

describe('SQL over a snapshot', () => {
  it('returns the same aggregate as rows and as typed Arrow columns, and time-travels', async () => {
    let table = await createTable(warehouse.env, {
      namespace: 'q',
      name: 'sales',
      columns: [
        { name: 'customer_id', type: 'long', required: true },
        { name: 'amount', type: 'double' },
      ],
    });
    table = await appendData(table, {
      kind: 'sql',
      sql: 'SELECT range::BIGINT % 3 AS customer_id, range * 1.5 AS amount FROM range(10)',
    });
    const first = table.loaded.metadata.currentSnapshotId;
    table = await appendData(table, { kind: 'sql', sql: 'SELECT 0::BIGINT AS customer_id, 100.0 AS amount' });
    const sql = (t: string) => `SELECT customer_id, sum(amount) AS total FROM ${t} GROUP BY 1 ORDER BY 1`;

    const rows = await queryTable(table, sql);
    expect(rows).toEqual([
      { customer_id: 0n, total: 127 },
      { customer_id: 1n, total: 18 },
      { customer_id: 2n, total: 22.5 },
    ]);
    const arrow = await queryTableArrow(table, sql);
    expect(arrow.numRows).toBe(3);
    expect([...(arrow.getChild('customer_id')?.toArray() ?? [])]).toEqual([0n, 1n, 2n]);
    expect(Array.from(arrow.getChild('total')?.toArray() ?? [])).toEqual([127, 18, 22.5]);

    const before = await queryTableArrow(table, sql, { snapshotId: first });
    expect(Array.from(before.getChild('total')?.toArray() ?? [])).toEqual([27, 18, 22.5]);
  });
});
