import { describe, expect, it } from 'vitest';
import { useTempWarehouse } from '../testing/temp-warehouse.js';
import { appendData } from './append-data.js';
import { loadOrCreateTable } from './load-or-create-table.js';

const warehouse = useTempWarehouse('fti-load-or-create-');

const options = (name: string) => ({
  namespace: 'ns',
  name,
  columns: [{ name: 'id', type: 'long' as const, required: true }],
});

describe('loadOrCreateTable', () => {
  it('creates a missing table, then loads it with its rows on the next call', async () => {
    const created = await loadOrCreateTable(warehouse.env, options('once'));
    expect(created.loaded.metadata.currentSnapshotId).toBeUndefined();
    await appendData(created, { kind: 'rows', rows: [{ id: 1n }, { id: 2n }] });
    const loaded = await loadOrCreateTable(warehouse.env, options('once'));
    expect(loaded.loaded.metadata.tableUuid).toBe(created.loaded.metadata.tableUuid);
    expect(loaded.loaded.metadata.currentSnapshotId).toBeDefined();
  });

  it('lets 6 racing creators all open the one table that won', async () => {
    const tables = await Promise.all(
      Array.from({ length: 6 }, () => loadOrCreateTable(warehouse.env, options('raced'))),
    );
    expect(new Set(tables.map((t) => t.loaded.metadata.tableUuid)).size).toBe(1);
  });
});
