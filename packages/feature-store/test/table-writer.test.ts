import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appendData,
  createTable,
  FileIo,
  InvalidInputError,
  listSnapshots,
  loadTable,
  openTableWriter,
  queryTable,
  quoteLiteral,
  type Table,
} from '../src/index.js';
import { FaultyObjectStore } from '../src/testing/faulty-object-store.js';
import { useTempWarehouse } from '../src/testing/temp-warehouse.js';

// openTableWriter: pieces written once each, straight into the data folder, committed as one snapshot.

let tables = 0;

const warehouse = useTempWarehouse('fti-table-writer-');

async function newTable(): Promise<Table> {
  tables += 1;
  return createTable(warehouse.env, {
    namespace: 'w',
    name: `scores_${tables}`,
    columns: [
      { name: 'id', type: 'long', required: true },
      { name: 'day', type: 'date', required: true },
      { name: 'score', type: 'double' },
      { name: 'label', type: 'string' },
    ],
    partition: [{ column: 'day', transform: 'day' }],
  });
}

const piece = (from: number, count: number, day = '2024-07-01') => ({
  kind: 'sql' as const,
  sql: `SELECT i::BIGINT AS id, DATE '${day}' AS day, i / 10.0 AS score, 'l' || (i % 3) AS label
        FROM range(${from}, ${from + count}) AS t(i)`,
});

const onDay = (day: string) => ({ column: 'day', op: '=' as const, value: new Date(`${day}T00:00:00Z`) });

async function dataFiles(table: Table): Promise<string[]> {
  const prefix = `${table.loaded.identifier.namespace}/${table.loaded.identifier.name}/data/`;
  return (await warehouse.env.files.store.list(prefix)).map((o) => join(warehouse.dir, 'wh', o.key));
}

async function summary(table: Table): Promise<Record<string, string>> {
  const loaded = await loadTable(warehouse.env, table.loaded.identifier);
  const snapshots = await listSnapshots(loaded);
  return (snapshots.at(-1)?.summary ?? {}) as Record<string, string>;
}

describe('openTableWriter', () => {
  it('commits pieces written one by one as one append snapshot of valid Iceberg data files', async () => {
    const table = await newTable();
    const writer = openTableWriter(table);
    expect(await writer.write(piece(0, 1000))).toEqual({ files: 1, rows: 1000 });
    await writer.write(piece(1000, 500));
    await writer.write(piece(1500, 250, '2024-07-02'));
    expect(writer.rows).toBe(1750);
    // Written but not committed: the files sit in the data folder, the table still has no snapshot.
    expect(await dataFiles(table)).toHaveLength(3);
    expect(
      (await loadTable(warehouse.env, table.loaded.identifier)).loaded.metadata.currentSnapshotId,
    ).toBeUndefined();

    const committed = await writer.commit({ properties: { 'fti.run-id': 'r1' } });
    expect((await listSnapshots(committed)).length).toBe(1);
    const s = await summary(committed);
    expect(s.operation).toBe('append');
    expect(s['fti.run-id']).toBe('r1');
    expect(s['added-data-files']).toBe('3');
    expect(s['total-records']).toBe('1750');

    const files = await dataFiles(committed);
    const list = `[${files.map((f) => quoteLiteral(f)).join(', ')}]`;
    const [count] = await warehouse.env.db.query(`SELECT count(*)::INTEGER AS n FROM read_parquet(${list})`);
    expect(count?.n).toBe(1750);
    for (const file of files) {
      const columns = await warehouse.env.db.query(
        `SELECT name, field_id FROM parquet_schema(${quoteLiteral(file)}) WHERE num_children IS NULL OR num_children = 0`,
      );
      expect(Object.fromEntries(columns.map((c) => [c.name, Number(c.field_id)]))).toEqual({
        id: 1,
        day: 2,
        score: 3,
        label: 4,
      });
    }
    const rows = await queryTable(
      committed,
      (t) => `SELECT sum(id)::BIGINT AS s, count(*)::INTEGER AS n FROM ${t}`,
    );
    expect(rows[0]).toEqual({ s: (1749n * 1750n) / 2n, n: 1750 });
    // Manifest stats come from the writer: a filter on the second day reads its file only.
    const day2 = await queryTable(committed, (t) => `SELECT count(*)::INTEGER AS n FROM ${t}`, {
      filter: onDay('2024-07-02'),
    });
    expect(day2[0]?.n).toBe(250);
  });

  it('lets concurrent writers (shards) append to one table: every piece lands once', async () => {
    const table = await newTable();
    const writers = [0, 1, 2].map(() => openTableWriter(table));
    await Promise.all(writers.map((w, i) => w.write(piece(i * 100, 100))));
    await Promise.all(writers.map((w) => w.commit()));
    const after = await loadTable(warehouse.env, table.loaded.identifier);
    expect((await listSnapshots(after)).length).toBe(3);
    const rows = await queryTable(after, (t) => `SELECT count(DISTINCT id)::INTEGER AS n FROM ${t}`);
    expect(rows[0]?.n).toBe(300);
  });

  it('overwrites the rows matching its filter in one snapshot, idempotently, keeping the others', async () => {
    let table = await newTable();
    table = await appendData(table, piece(0, 100, '2024-07-01'));
    table = await appendData(table, piece(0, 100, '2024-07-02'));
    for (let run = 0; run < 2; run++) {
      const writer = openTableWriter(table, { mode: { kind: 'overwrite', where: onDay('2024-07-01') } });
      await writer.write(piece(1000, 30, '2024-07-01'));
      await writer.write(piece(2000, 20, '2024-07-01'));
      table = await writer.commit();
      const rows = await queryTable(
        table,
        (t) =>
          `SELECT strftime(day, '%d') AS d, count(*)::INTEGER AS n, min(id)::INTEGER AS lo FROM ${t} GROUP BY d ORDER BY d`,
      );
      expect(rows).toEqual([
        { d: '01', n: 50, lo: 1000 },
        { d: '02', n: 100, lo: 0 },
      ]);
      expect((await summary(table))['total-records']).toBe('150');
    }
    // Only live files remain referenced; the replaced ones are gone from the snapshot (orphans at most).
    expect((await summary(table)).operation).toBe('overwrite');
  });

  it('refuses a piece outside its overwrite filter, removing the piece, and commits nothing after abort', async () => {
    const table = await newTable();
    const writer = openTableWriter(table, { mode: { kind: 'overwrite', where: onDay('2024-07-01') } });
    await writer.write(piece(0, 10, '2024-07-01'));
    const error = await writer.write(piece(10, 10, '2024-07-03')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toMatch(/10 new rows do not match the overwrite filter/);
    expect(await dataFiles(table)).toHaveLength(1);
    await writer.abort();
    expect(await dataFiles(table)).toHaveLength(0);
    expect(
      (await loadTable(warehouse.env, table.loaded.identifier)).loaded.metadata.currentSnapshotId,
    ).toBeUndefined();
    await expect(writer.commit()).rejects.toThrow(/already committed or aborted/);
  });

  it('rejects bad input naming the column, and a failed commit leaves the table at its last snapshot with no file behind', async () => {
    let table = await newTable();
    table = await appendData(table, piece(0, 10));
    const before = table.loaded.metadata.currentSnapshotId;
    const bad = openTableWriter(table);
    const error = await bad
      .write({ kind: 'sql', sql: `SELECT 1::BIGINT AS id, DATE '2024-07-01' AS day, 'x' AS score` })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toMatch(/`score`/);
    await bad.abort();

    const faulty = new FaultyObjectStore(warehouse.env.files.store);
    const flaky: Table = { env: { ...warehouse.env, files: new FileIo(faulty) }, loaded: table.loaded };
    const writer = openTableWriter(flaky);
    await writer.write(piece(100, 10));
    await writer.write(piece(200, 10));
    faulty.inject({ operations: ['put', 'putIfAbsent'], key: /metadata\//, repeat: true });
    await expect(writer.commit()).rejects.toThrow(/injected fault/);
    faulty.heal();
    const after = await loadTable(warehouse.env, table.loaded.identifier);
    expect(after.loaded.metadata.currentSnapshotId).toBe(before);
    expect(await dataFiles(table)).toHaveLength(1);
  });
});
