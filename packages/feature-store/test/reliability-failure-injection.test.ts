// Issue 2, "Reliability": a failure injected at each step of a commit (data, manifest, list, metadata,
// pointer) leaves the table readable at its last committed snapshot, with no stray file, and the same
// write then succeeds when re-run. Lost races at every retry end in CommitConflictError with nothing new.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type GlueClient, UpdateTableCommand } from '@aws-sdk/client-glue';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Catalog } from '../src/catalog/catalog.js';
import { FolderCatalog } from '../src/catalog/folder-catalog.js';
import { GlueCatalog } from '../src/catalog/glue-catalog.js';
import type { DataSource } from '../src/engine/write-data-files.js';
import { CommitConflictError } from '../src/errors.js';
import type { ObjectStore } from '../src/object-store/object-store.js';
import { appendData } from '../src/table/append-data.js';
import { createTable, loadTable } from '../src/table/create-table.js';
import { FileIo } from '../src/table/file-io.js';
import { type OpenWarehouseOptions, openWarehouse, type Warehouse } from '../src/table/open-warehouse.js';
import { readTableColumns } from '../src/table/scan-table.js';
import type { Table, TableEnv } from '../src/table/table-env.js';
import { type FaultRule, FaultyObjectStore, InjectedFaultError } from '../src/testing/faulty-object-store.js';
import { type MotoServer, startMotoServer } from '../src/testing/moto-server.js';
import { parentChain, referencedKeys, seededRandom, testClock } from './reliability-support.js';

const moto: MotoServer | undefined = await startMotoServer();
afterAll(() => moto?.stop());

const ID = { namespace: 'reliability', name: 'faults' };
const PREFIX = `${ID.namespace}/${ID.name}/`;

/** Rows of the committed snapshot: ids 1..4 in 2024-01 and 2024-02. */
const FIRST = rowsSql([1, 2, 3, 4], ['2024-01-05', '2024-01-20', '2024-02-03', '2024-02-28']);
/** The write that fails and is re-run: ids 5..8 in two partitions (2024-02, 2024-03), so two data files. */
const SECOND = rowsSql([5, 6, 7, 8], ['2024-02-10', '2024-02-11', '2024-03-01', '2024-03-31']);

function rowsSql(ids: number[], days: string[]): DataSource {
  const values = ids.map((id, i) => `(${id}::BIGINT, TIMESTAMP '${days[i]} 12:00:00', ${id * 1.25})`);
  return { kind: 'sql', sql: `SELECT * FROM (VALUES ${values.join(', ')}) AS t(id, ts, amount)` };
}

/** A Glue client that fails `UpdateTable` when armed, before it reaches Glue or after Glue applied it. */
class FaultyGlue {
  armed: 'before' | 'after' | undefined;
  constructor(readonly glue: GlueClient) {}
  client(): GlueClient {
    const send = async (command: unknown) => {
      if (!(command instanceof UpdateTableCommand) || this.armed === undefined) {
        return this.glue.send(command as never);
      }
      const when = this.armed;
      this.armed = undefined;
      if (when === 'before') throw new InjectedFaultError('put', 'glue:UpdateTable', when);
      await this.glue.send(command);
      throw new InjectedFaultError('put', 'glue:UpdateTable', when);
    };
    return { send } as unknown as GlueClient;
  }
}

/** How a variant reaches its warehouse, and its catalog over a (faulty) store. */
interface Variant {
  name: string;
  location: () => OpenWarehouseOptions['location'];
  catalog: (store: ObjectStore, glue: FaultyGlue | undefined) => Catalog;
  glue?: () => GlueClient;
  /** The catalog's metadata JSON files (superseded ones stay, as Iceberg keeps them). */
  metadataFile: RegExp;
}

interface Fixture {
  /** The writer's environment: every store call goes through `faulty`, Glue calls through `glue`. */
  env: TableEnv;
  faulty: FaultyObjectStore;
  glue: FaultyGlue | undefined;
  /** A second, fault-free warehouse on the same location: what any other reader sees. */
  reader: Warehouse;
  close(): Promise<void>;
}

async function openFixture(variant: Variant, scratch: string): Promise<Fixture> {
  const now = testClock();
  const common = { duckDb: { threads: 1 }, now, retry: { attempts: 4, baseDelayMs: 1, maxDelayMs: 2 } };
  const writer = await openWarehouse({
    ...common,
    location: variant.location(),
    scratchDir: join(scratch, 'writer'),
    random: seededRandom(7),
  });
  const reader = await openWarehouse({
    ...common,
    location: variant.location(),
    scratchDir: join(scratch, 'reader'),
    random: seededRandom(8),
  });
  const faulty = new FaultyObjectStore(writer.files.store);
  const glue = variant.glue ? new FaultyGlue(variant.glue()) : undefined;
  const env: TableEnv = { ...writer, files: new FileIo(faulty), catalog: variant.catalog(faulty, glue) };
  return {
    env,
    faulty,
    glue,
    reader,
    close: async () => {
      await writer.close();
      await reader.close();
    },
  };
}

/** What a reader sees: current snapshot id, rows (id order) and every object under the table. */
async function observe(reader: Warehouse) {
  const table = await loadTable(reader, ID);
  const read = await readTableColumns(table, { columns: ['id', 'amount'] });
  const ids = Array.from(read.values.id as BigInt64Array, Number);
  const amounts = Array.from(read.values.amount as Float64Array);
  const order = ids.map((_, i) => i).sort((a, b) => ids[a]! - ids[b]!);
  const keys = (await reader.files.store.list(PREFIX)).map((o) => o.key);
  return {
    table,
    snapshotId: table.loaded.metadata.currentSnapshotId,
    rows: order.map((i) => [ids[i], amounts[i]]),
    keys,
  };
}

/** Asserts every file the table references exists and every other file is a superseded metadata JSON. */
async function expectNoStrayFile(table: Table, keys: string[], variant: Variant): Promise<void> {
  const referenced = await referencedKeys(table);
  expect([...referenced].filter((key) => !keys.includes(key))).toEqual([]);
  const stray = keys.filter(
    (key) => !referenced.has(key) && !variant.metadataFile.test(key) && !key.endsWith('version-hint.text'),
  );
  expect(stray).toEqual([]);
}

const rowsOf = (ids: number[]) => ids.map((id) => [id, id * 1.25]);

function describeFailureInjection(variant: Variant): void {
  describe(variant.name, () => {
    let scratch: string;
    let fixture: Fixture;
    let table: Table;
    let before: Awaited<ReturnType<typeof observe>>;

    beforeEach(async () => {
      scratch = await mkdtemp(join(tmpdir(), 'fti-faults-'));
      fixture = await openFixture(variant, scratch);
      table = await createTable(fixture.env, {
        ...ID,
        columns: [
          { name: 'id', type: 'long', required: true },
          { name: 'ts', type: 'timestamp', required: true },
          { name: 'amount', type: 'double' },
        ],
        partition: [{ column: 'ts', transform: 'month' }],
      });
      table = await appendData(table, FIRST);
      before = await observe(fixture.reader);
      expect(before.rows).toEqual(rowsOf([1, 2, 3, 4]));
    });
    afterEach(async () => {
      await fixture.close();
      await rm(scratch, { recursive: true, force: true });
    });

    /** The failed write left everything as it was; the same write then commits on top of the old snapshot. */
    async function expectUntouchedThenRerun(orphanMetadata = 0): Promise<void> {
      const after = await observe(fixture.reader);
      expect(after.snapshotId).toBe(before.snapshotId);
      expect(after.rows).toEqual(before.rows);
      const added = after.keys.filter((key) => !before.keys.includes(key));
      expect(after.keys.filter((key) => before.keys.includes(key))).toEqual(before.keys);
      expect(added).toHaveLength(orphanMetadata);
      expect(added.every((key) => variant.metadataFile.test(key))).toBe(true);

      fixture.faulty.heal();
      const rerun = await appendData(table, SECOND);
      const done = await observe(fixture.reader);
      expect(done.snapshotId).toBe(rerun.loaded.metadata.currentSnapshotId);
      expect(parentChain(done.table.loaded.metadata).map((s) => s.snapshotId)).toEqual([
        rerun.loaded.metadata.currentSnapshotId,
        before.snapshotId,
      ]);
      expect(done.rows).toEqual(rowsOf([1, 2, 3, 4, 5, 6, 7, 8]));
      await expectNoStrayFile(done.table, done.keys, variant);
    }

    const steps: { step: string; rule: FaultRule }[] = [
      // The second of the two data files, so the first, already uploaded, must be removed.
      { step: 'data file upload', rule: { operations: ['putFile'], key: /\/data\//, nth: 2 } },
      { step: 'manifest write', rule: { operations: ['put'], key: /\/metadata\/[0-9a-f-]{36}-m0\.avro$/ } },
      { step: 'manifest list write', rule: { operations: ['put'], key: /\/metadata\/snap-\d+-1-/ } },
      { step: 'metadata JSON write', rule: { operations: ['putIfAbsent'], key: /\.metadata\.json$/ } },
    ];
    for (const { step, rule } of steps) {
      it(`a failed ${step} leaves the last snapshot, no stray file; the re-run commits`, async () => {
        fixture.faulty.inject(rule);
        await expect(appendData(table, SECOND)).rejects.toBeInstanceOf(InjectedFaultError);
        expect(fixture.faulty.failures).toBe(1);
        await expectUntouchedThenRerun();
      });
    }

    if (variant.glue) {
      it('a failed Glue UpdateTable (pointer swap) leaves the last snapshot; the re-run commits', async () => {
        fixture.glue!.armed = 'before';
        await expect(appendData(table, SECOND)).rejects.toBeInstanceOf(InjectedFaultError);
        // Data, manifest and list are removed (a reload shows the snapshot did not land). The catalog's own
        // metadata JSON stays: GlueCatalog cannot tell a failed UpdateTable from one whose answer was lost,
        // so it keeps the file, unreferenced by the Glue pointer like any superseded metadata file.
        await expectUntouchedThenRerun(1);
      });

      it('an UpdateTable that lands but answers with an error counts as committed, files kept', async () => {
        fixture.glue!.armed = 'after';
        const committed = await appendData(table, SECOND);
        const after = await observe(fixture.reader);
        expect(after.snapshotId).toBe(committed.loaded.metadata.currentSnapshotId);
        expect(after.snapshotId).not.toBe(before.snapshotId);
        expect(after.rows).toEqual(rowsOf([1, 2, 3, 4, 5, 6, 7, 8]));
        await expectNoStrayFile(after.table, after.keys, variant);
      });
    } else {
      it('a failed version-hint write (pointer) still commits: readers probe past the stale hint', async () => {
        // FolderCatalog semantics: creating v<N+1>.metadata.json exclusively IS the commit; the hint after
        // it is only a hint. So the write succeeds and every reader sees the new snapshot at once.
        fixture.faulty.inject({ operations: ['put'], key: /version-hint\.text$/ });
        const committed = await appendData(table, SECOND);
        expect(fixture.faulty.failures).toBe(1);
        const hint = new TextDecoder().decode(
          await fixture.reader.files.store.get(`${PREFIX}metadata/version-hint.text`),
        );
        expect(hint).toBe('2');
        const after = await observe(fixture.reader);
        expect(after.table.loaded.version).toBe('3');
        expect(after.snapshotId).toBe(committed.loaded.metadata.currentSnapshotId);
        expect(parentChain(after.table.loaded.metadata)[1]?.snapshotId).toBe(before.snapshotId);
        expect(after.rows).toEqual(rowsOf([1, 2, 3, 4, 5, 6, 7, 8]));
        await expectNoStrayFile(after.table, after.keys, variant);
      });

      it('a metadata JSON create that lands but answers with an error counts as committed, files kept', async () => {
        fixture.faulty.inject({ operations: ['putIfAbsent'], key: /\.metadata\.json$/, when: 'after' });
        const committed = await appendData(table, SECOND);
        expect(fixture.faulty.failures).toBe(1);
        const after = await observe(fixture.reader);
        expect(after.snapshotId).toBe(committed.loaded.metadata.currentSnapshotId);
        expect(after.rows).toEqual(rowsOf([1, 2, 3, 4, 5, 6, 7, 8]));
        await expectNoStrayFile(after.table, after.keys, variant);
      });

      it('a create that lands, then a reload that fails too: the error surfaces and no file is deleted', async () => {
        fixture.faulty.inject({ operations: ['putIfAbsent'], key: /\.metadata\.json$/, when: 'after' });
        fixture.faulty.inject({ operations: ['get', 'head'], key: /version-hint\.text$/, repeat: true });
        await expect(appendData(table, SECOND)).rejects.toBeInstanceOf(InjectedFaultError);
        fixture.faulty.heal();
        // The snapshot did land: every file it references must still be there.
        const after = await observe(fixture.reader);
        expect(after.snapshotId).not.toBe(before.snapshotId);
        expect(after.rows).toEqual(rowsOf([1, 2, 3, 4, 5, 6, 7, 8]));
        await expectNoStrayFile(after.table, after.keys, variant);
      });
    }

    it('losing the race at every attempt ends in CommitConflictError, nothing committed, files removed', async () => {
      // A rival commits a metadata-only change just before each of our attempts, so each attempt's base is
      // stale by the time it swaps the pointer: a real lost race, 4 times in a row.
      const { catalog } = fixture.env;
      let rivals = 0;
      const racing: Catalog = {
        store: catalog.store,
        defaultLocation: (id) => catalog.defaultLocation(id),
        createTable: (id, metadata) => catalog.createTable(id, metadata),
        loadTable: (id) => catalog.loadTable(id),
        listTables: (namespace) => catalog.listTables(namespace),
        dropTable: (id, options) => catalog.dropTable(id, options),
        commitTable: async (base, metadata) => {
          rivals += 1;
          const rival = {
            ...base.metadata,
            properties: { ...base.metadata.properties, rival: String(rivals) },
          };
          await catalog.commitTable(base, rival);
          return catalog.commitTable(base, metadata);
        },
      };
      const racingTable: Table = { env: { ...fixture.env, catalog: racing }, loaded: table.loaded };
      const error = await appendData(racingTable, SECOND).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CommitConflictError);
      expect((error as CommitConflictError).attempts).toBe(4);
      const after = await observe(fixture.reader);
      expect(after.table.loaded.metadata.properties.rival).toBe('4');
      expect(after.snapshotId).toBe(before.snapshotId);
      expect(after.table.loaded.metadata.snapshots).toHaveLength(1);
      expect(after.rows).toEqual(before.rows);
      // Only the rivals' metadata JSONs are new: no data file, manifest or manifest list of ours is left.
      const added = after.keys.filter((key) => !before.keys.includes(key));
      expect(
        added.filter((key) => !variant.metadataFile.test(key) && !key.endsWith('version-hint.text')),
      ).toEqual([]);
      expect(added.filter((key) => variant.metadataFile.test(key))).toHaveLength(4);
    });
  });
}

describe('failure injected at each step of a commit', () => {
  let scratch: string;
  beforeEach(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'fti-faults-wh-'));
  });
  afterEach(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  describeFailureInjection({
    name: 'FolderCatalog on a local folder',
    location: () => ({ kind: 'local', path: join(scratch, 'warehouse') }),
    catalog: (store) => new FolderCatalog({ store }),
    metadataFile: /\/metadata\/v\d+\.metadata\.json$/,
  });

  describe.skipIf(moto === undefined)('on S3 (moto_server)', () => {
    const server = moto as MotoServer;
    beforeEach(async () => {
      await server.reset();
      await server.s3Client().send(new CreateBucketCommand({ Bucket: 'lake' }));
    });

    describeFailureInjection({
      name: 'FolderCatalog on S3',
      location: () => ({ kind: 's3', client: server.s3Client(), bucket: 'lake' }),
      catalog: (store) => new FolderCatalog({ store }),
      metadataFile: /\/metadata\/v\d+\.metadata\.json$/,
    });

    describeFailureInjection({
      name: 'GlueCatalog on S3',
      location: () => ({
        kind: 's3',
        client: server.s3Client(),
        bucket: 'lake',
        catalog: { kind: 'glue', client: server.glueClient() },
      }),
      glue: () => server.glueClient(),
      catalog: (store, glue) => new GlueCatalog({ glue: glue!.client(), store }),
      metadataFile: /\/metadata\/\d{5}-[^/]+\.metadata\.json$/,
    });
  });
});
