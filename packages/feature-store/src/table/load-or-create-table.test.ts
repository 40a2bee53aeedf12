import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendData } from './append-data.js';
import { loadOrCreateTable } from './load-or-create-table.js';
import { openWarehouse, type Warehouse } from './open-warehouse.js';

let dir: string;
let env: Warehouse;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fti-load-or-create-'));
  env = await openWarehouse({ location: { kind: 'local', path: join(dir, 'wh') } });
});

afterAll(async () => {
  await env.close();
  await rm(dir, { recursive: true, force: true });
});

const options = (name: string) => ({
  namespace: 'ns',
  name,
  columns: [{ name: 'id', type: 'long' as const, required: true }],
});

describe('loadOrCreateTable', () => {
  it('creates a missing table, then loads it with its rows on the next call', async () => {
    const created = await loadOrCreateTable(env, options('once'));
    expect(created.loaded.metadata.currentSnapshotId).toBeUndefined();
    await appendData(created, { kind: 'rows', rows: [{ id: 1n }, { id: 2n }] });
    const loaded = await loadOrCreateTable(env, options('once'));
    expect(loaded.loaded.metadata.tableUuid).toBe(created.loaded.metadata.tableUuid);
    expect(loaded.loaded.metadata.currentSnapshotId).toBeDefined();
  });

  it('lets 6 racing creators all open the one table that won', async () => {
    const tables = await Promise.all(
      Array.from({ length: 6 }, () => loadOrCreateTable(env, options('raced'))),
    );
    expect(new Set(tables.map((t) => t.loaded.metadata.tableUuid)).size).toBe(1);
  });
});
