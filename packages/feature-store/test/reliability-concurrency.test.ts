// Issue 2, "Reliability": 8 concurrent writers x 25 appends on one table, locally and on S3 (moto). Each
// writer has its own warehouse (own catalog instance, own DuckDB), as separate processes would; every
// append must land exactly once, with a strictly increasing sequence number and an exact row count.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ConcurrentModificationException,
  GetTableCommand,
  type GlueClient,
  UpdateTableCommand,
} from '@aws-sdk/client-glue';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Catalog, CommitConflict } from '../src/catalog/catalog.js';
import type { ObjectStore } from '../src/object-store/object-store.js';
import { appendData } from '../src/table/append-data.js';
import { createTable, loadTable } from '../src/table/create-table.js';
import { type OpenWarehouseOptions, openWarehouse, type Warehouse } from '../src/table/open-warehouse.js';
import { readTableColumns } from '../src/table/scan-table.js';
import type { Table } from '../src/table/table-env.js';
import { type MotoServer, startMotoServer } from '../src/testing/moto-server.js';
import { expectAppendChain, referencedKeys, seededRandom, testClock } from './reliability-support.js';

const WRITERS = 8;
const APPENDS = 25;
const ID = { namespace: 'reliability', name: 'appends' };
/**
 * Enough attempts for 8 racers. The first backoff is about one commit's round trip: shorter ones only make
 * more racers collide (every lost race costs a reload and a manifest list), longer ones leave the store idle.
 */
const LOCAL_RETRY = { attempts: 50, baseDelayMs: 5, maxDelayMs: 200 };
/** moto answers one request at a time in ~6 ms: a commit round trip there is ~50 ms. */
const S3_RETRY = { attempts: 50, baseDelayMs: 200, maxDelayMs: 4000 };

const moto: MotoServer | undefined = await startMotoServer();
afterAll(() => moto?.stop());

/** How one variant opens a writer's warehouse, and where its table's files are. */
interface Variant {
  location: () => OpenWarehouseOptions['location'];
  retry: OpenWarehouseOptions['retry'];
  /** Metadata JSON files the catalog keeps per commit, plus the create (folder: `v<N>`; Glue: `<NNNNN>-`). */
  metadataFile: RegExp;
  /** Appends per writer. Default {@link APPENDS}. */
  appends?: number;
}

/** Counts lost races seen by a writer's catalog, to report how much contention a run had. */
function countConflicts(env: Warehouse, counter: { conflicts: number }): Warehouse {
  const inner = env.catalog;
  const catalog: Catalog = {
    store: inner.store,
    defaultLocation: (id) => inner.defaultLocation(id),
    createTable: (id, metadata) => inner.createTable(id, metadata),
    loadTable: (id) => inner.loadTable(id),
    listTables: (namespace) => inner.listTables(namespace),
    dropTable: (id, options) => inner.dropTable(id, options),
    commitTable: async (base, metadata) => {
      try {
        return await inner.commitTable(base, metadata);
      } catch (error) {
        if (error instanceof CommitConflict) counter.conflicts += 1;
        throw error;
      }
    },
  };
  return { ...env, catalog };
}

async function runWriters(variant: Variant, scratch: string): Promise<void> {
  const appends = variant.appends ?? APPENDS;
  const now = testClock();
  const open = (i: number) =>
    openWarehouse({
      location: variant.location(),
      scratchDir: join(scratch, `writer-${i}`),
      duckDb: { threads: 1 },
      now,
      random: seededRandom(1000 + i),
      retry: variant.retry,
    });
  const admin = await open(WRITERS);
  const counter = { conflicts: 0 };
  const writers: Warehouse[] = [];
  try {
    await createTable(admin, {
      ...ID,
      columns: [
        { name: 'writer', type: 'int', required: true },
        { name: 'seq', type: 'int', required: true },
      ],
    });
    for (let i = 0; i < WRITERS; i++) writers.push(countConflicts(await open(i), counter));
    await Promise.all(
      writers.map(async (env, writer) => {
        let table: Table = await loadTable(env, ID);
        for (let seq = 0; seq < appends; seq++) {
          // One tiny batch per append: a query on the writer's own DuckDB, tagged (writer, seq).
          const sql = `SELECT ${writer}::INTEGER AS writer, ${seq}::INTEGER AS seq`;
          table = await appendData(table, { kind: 'sql', sql });
        }
      }),
    );
    console.info(`[reliability] ${WRITERS}x${appends} appends, ${counter.conflicts} lost races retried`);

    const table = await loadTable(admin, ID);
    const { metadata } = table.loaded;
    expectAppendChain(metadata, WRITERS * appends);
    expect(metadata.snapshots.map((s) => s.summary['added-data-files'])).toEqual(
      Array(WRITERS * appends).fill('1'),
    );

    // Every (writer, seq) exactly once: the row set equals the expected one and has no duplicate.
    const read = await readTableColumns(table);
    expect(read.rowCount).toBe(WRITERS * appends);
    const writerCol = read.values.writer as Int32Array;
    const seqCol = read.values.seq as Int32Array;
    const tags = Array.from({ length: read.rowCount }, (_, r) => `${writerCol[r]}:${seqCol[r]}`);
    const expected = Array.from({ length: WRITERS * appends }, (_, k) => {
      return `${Math.floor(k / appends)}:${k % appends}`;
    });
    expect(tags.sort()).toEqual(expected.sort());

    // No stray file: everything under the table is referenced, except superseded metadata JSONs (one per
    // commit and the create) and the folder catalog's hint.
    const store: ObjectStore = table.env.files.store;
    const listed = (await store.list(`${ID.namespace}/${ID.name}/`)).map((o) => o.key);
    const referenced = await referencedKeys(table);
    const unreferenced = listed.filter((key) => !referenced.has(key));
    expect(
      unreferenced.filter((key) => !variant.metadataFile.test(key) && !key.endsWith('version-hint.text')),
    ).toEqual([]);
    expect(unreferenced.filter((key) => variant.metadataFile.test(key))).toHaveLength(WRITERS * appends);
    expect(listed.filter((key) => key.endsWith('.parquet'))).toHaveLength(WRITERS * appends);
    expect([...referenced].every((key) => listed.includes(key))).toBe(true);
  } finally {
    for (const env of writers) await env.close();
    await admin.close();
  }
}

describe('8 concurrent writers x 25 appends on one table', () => {
  let scratch: string;
  beforeEach(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'fti-reliability-'));
  });
  afterEach(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it('FolderCatalog on a local folder: every append lands exactly once', async () => {
    await runWriters(
      {
        location: () => ({ kind: 'local', path: join(scratch, 'warehouse') }),
        retry: LOCAL_RETRY,
        metadataFile: /\/metadata\/v\d+\.metadata\.json$/,
      },
      scratch,
    );
  }, 300_000);

  describe.skipIf(moto === undefined)('on S3 (moto_server)', () => {
    const server = moto as MotoServer;
    beforeEach(async () => {
      await server.reset();
      await server.s3Client().send(new CreateBucketCommand({ Bucket: 'lake' }));
    });

    it('FolderCatalog with If-None-Match commits: every append lands exactly once', async () => {
      await runWriters(
        {
          location: () => ({ kind: 's3', client: server.s3Client(), bucket: 'lake' }),
          retry: S3_RETRY,
          metadataFile: /\/metadata\/v\d+\.metadata\.json$/,
        },
        scratch,
      );
    }, 300_000);

    it('GlueCatalog with VersionId-guarded UpdateTable: every append lands exactly once', async () => {
      const lock = createLock();
      await runWriters(
        {
          location: () => ({
            kind: 's3',
            client: server.s3Client(),
            bucket: 'lake',
            catalog: { kind: 'glue', client: enforceVersionId(server.glueClient(), lock) },
          }),
          retry: S3_RETRY,
          metadataFile: /\/metadata\/\d{5}-[^/]+\.metadata\.json$/,
          // Glue on moto is the slowest path (GetTable + UpdateTable per commit); 8 x 10 keeps CI in budget
          // while still making every writer lose races. The 8 x 25 runs cover local and S3 commits.
          appends: 10,
        },
        scratch,
      );
    }, 300_000);
  });
});

/** A mutex shared by the writers' Glue clients, standing in for Glue's own atomic check of `VersionId`. */
function createLock(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

/**
 * A Glue client that enforces `UpdateTable`'s `VersionId` the way AWS Glue does (moto ignores it): an update
 * whose `VersionId` is not the table's current one fails with ConcurrentModificationException.
 */
function enforceVersionId(glue: GlueClient, lock: ReturnType<typeof createLock>): GlueClient {
  const send = (command: unknown) => {
    if (!(command instanceof UpdateTableCommand)) return glue.send(command as never);
    return lock(async () => {
      const { DatabaseName, TableInput, VersionId } = command.input;
      const { Table } = await glue.send(new GetTableCommand({ DatabaseName, Name: TableInput?.Name }));
      if (VersionId !== undefined && Table?.VersionId !== VersionId) {
        throw new ConcurrentModificationException({
          message: `VersionId ${VersionId} is not current (${Table?.VersionId})`,
          $metadata: { httpStatusCode: 400 },
        });
      }
      return glue.send(command);
    });
  };
  return { send } as unknown as GlueClient;
}
