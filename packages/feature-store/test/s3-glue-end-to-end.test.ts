// The Athena path end to end on moto_server: a month-partitioned table in S3 registered in Glue; append,
// overwrite a partition, read back, time travel; the Glue table and every path inside the metadata are what
// Athena needs (table_type=ICEBERG, metadata_location at the current `<NNNNN>-<uuid>.metadata.json`,
// absolute `s3://` URIs). Skips (printing why) without moto_server locally; CI fails instead.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetTableCommand } from '@aws-sdk/client-glue';
import { CreateBucketCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readManifest } from '../src/iceberg/manifest.js';
import { readManifestList } from '../src/iceberg/manifest-list.js';
import { appendData } from '../src/table/append-data.js';
import { createTable, loadTable } from '../src/table/create-table.js';
import { listSnapshots } from '../src/table/list-snapshots.js';
import { openWarehouse, type Warehouse } from '../src/table/open-warehouse.js';
import { overwritePartitions } from '../src/table/overwrite-partitions.js';
import { readTableColumns } from '../src/table/scan-table.js';
import type { Table } from '../src/table/table-env.js';
import { type MotoServer, startMotoServer } from '../src/testing/moto-server.js';
import { seededRandom, testClock } from './reliability-support.js';

const moto: MotoServer | undefined = await startMotoServer();
afterAll(() => moto?.stop());

const ID = { namespace: 'features', name: 'customer_txn' };
const LOCATION = 's3://lake/warehouse/features/customer_txn';
const METADATA_FILE = (n: number) =>
  new RegExp(`^${LOCATION}/metadata/${String(n).padStart(5, '0')}-[0-9a-f-]{36}\\.metadata\\.json$`);

function rows(values: [id: number, day: string, amount: number, category: string][]) {
  const sql = values
    .map(([id, day, amount, category]) => `(${id}::BIGINT, TIMESTAMP '${day}', ${amount}, '${category}')`)
    .join(', ');
  return {
    kind: 'sql' as const,
    sql: `SELECT * FROM (VALUES ${sql}) AS t(customer_id, ts, amount, category)`,
  };
}

/** Rows of a read as `[customer_id, amount, category]`, sorted by id then amount. */
async function readRows(table: Table, options: { snapshotId?: bigint; asOf?: number } = {}) {
  const read = await readTableColumns(table, { ...options, columns: ['customer_id', 'amount', 'category'] });
  const ids = read.values.customer_id as BigInt64Array;
  const amounts = read.values.amount as Float64Array;
  const categories = read.values.category as (string | null)[];
  return Array.from({ length: read.rowCount }, (_, i) => [Number(ids[i]), amounts[i], categories[i]]).sort(
    (a, b) => (a[0] as number) - (b[0] as number) || (a[1] as number) - (b[1] as number),
  );
}

describe.skipIf(moto === undefined)('S3 + Glue end to end (moto_server)', () => {
  const server = moto as MotoServer;
  let scratch: string;
  let env: Warehouse;
  let appended: Table;
  let overwritten: Table;

  beforeAll(async () => {
    await server.reset();
    const client = server.s3Client();
    await client.send(new CreateBucketCommand({ Bucket: 'lake' }));
    scratch = await mkdtemp(join(tmpdir(), 'fti-s3-glue-'));
    env = await openWarehouse({
      location: {
        kind: 's3',
        client,
        bucket: 'lake',
        prefix: 'warehouse',
        catalog: { kind: 'glue', client: server.glueClient() },
      },
      scratchDir: scratch,
      duckDb: { threads: 1 },
      now: testClock(),
      random: seededRandom(42),
    });
    const created = await createTable(env, {
      ...ID,
      columns: [
        { name: 'customer_id', type: 'long', required: true },
        { name: 'ts', type: 'timestamp', required: true },
        { name: 'amount', type: 'double' },
        { name: 'category', type: 'string' },
      ],
      partition: [{ column: 'ts', transform: 'month' }],
    });
    appended = await appendData(
      created,
      rows([
        [1, '2024-01-03 09:00:00', 10.5, 'food'],
        [2, '2024-01-31 23:59:59', 20.25, 'travel'],
        [3, '2024-02-01 00:00:00', 7, 'food'],
        [4, '2024-02-14 18:30:00', 99.99, 'gifts'],
      ]),
    );
    // Re-computing February: its two rows are replaced by three; January is untouched.
    overwritten = await overwritePartitions(
      appended,
      rows([
        [3, '2024-02-01 00:00:00', 8, 'food'],
        [4, '2024-02-14 18:30:00', 100, 'gifts'],
        [5, '2024-02-29 12:00:00', 1.5, 'books'],
      ]),
    );
  });
  afterAll(async () => {
    await env?.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('reads the current snapshot: January as appended, February as overwritten', async () => {
    const table = await loadTable(env, ID);
    expect(await readRows(table)).toEqual([
      [1, 10.5, 'food'],
      [2, 20.25, 'travel'],
      [3, 8, 'food'],
      [4, 100, 'gifts'],
      [5, 1.5, 'books'],
    ]);
    const [first, second] = listSnapshots(table);
    expect(first?.operation).toBe('append');
    expect(second?.operation).toBe('overwrite');
    expect(second?.summary['deleted-data-files']).toBe('1');
    expect(second?.summary['deleted-records']).toBe('2');
    expect(second?.totalRecords).toBe(5);
    expect(second?.parentSnapshotId).toBe(first?.snapshotId);
  });

  it('travels back to the appended snapshot, by id and by time', async () => {
    const table = await loadTable(env, ID);
    const first = appended.loaded.metadata.snapshots[0]!;
    const expected = [
      [1, 10.5, 'food'],
      [2, 20.25, 'travel'],
      [3, 7, 'food'],
      [4, 99.99, 'gifts'],
    ];
    expect(await readRows(table, { snapshotId: first.snapshotId })).toEqual(expected);
    expect(await readRows(table, { asOf: first.timestampMs })).toEqual(expected);
  });

  it('registers the Glue table as Athena reads it: ICEBERG, current and previous metadata locations', async () => {
    const { Table: glue } = await server
      .glueClient()
      .send(new GetTableCommand({ DatabaseName: ID.namespace, Name: ID.name }));
    const parameters = glue?.Parameters ?? {};
    expect(parameters.table_type).toBe('ICEBERG');
    // Create wrote 00000, the append 00001, the overwrite 00002: the pointer is the overwrite's file.
    expect(parameters.metadata_location).toMatch(METADATA_FILE(2));
    expect(parameters.metadata_location).toBe(overwritten.loaded.metadataLocation);
    expect(parameters.previous_metadata_location).toMatch(METADATA_FILE(1));
    expect(parameters.previous_metadata_location).toBe(appended.loaded.metadataLocation);
    expect(glue?.TableType).toBe('EXTERNAL_TABLE');
    expect(glue?.StorageDescriptor?.Location).toBe(LOCATION);

    // The pointer names a real object whose JSON is the current metadata.
    const key = parameters.metadata_location!.slice('s3://lake/'.length);
    const object = await server.s3Client().send(new GetObjectCommand({ Bucket: 'lake', Key: key }));
    const json = JSON.parse(await object.Body!.transformToString()) as Record<string, unknown>;
    expect(json['format-version']).toBe(2);
    expect(String(json['current-snapshot-id'])).toBe(String(overwritten.loaded.metadata.currentSnapshotId));
    expect(json.location).toBe(LOCATION);
  });

  it('writes every path inside the metadata as an absolute s3:// URI under the table location', async () => {
    const table = await loadTable(env, ID);
    const { metadata } = table.loaded;
    const paths = new Set<string>([metadata.location, ...metadata.metadataLog.map((e) => e.metadataFile)]);
    for (const snapshot of metadata.snapshots) {
      paths.add(snapshot.manifestList);
      const manifests = readManifestList(await env.files.read(snapshot.manifestList), snapshot.manifestList);
      for (const manifest of manifests) {
        paths.add(manifest.manifestPath);
        const { entries } = readManifest(await env.files.read(manifest.manifestPath), manifest.manifestPath);
        for (const entry of entries) paths.add(entry.dataFile.filePath);
      }
    }
    const all = [...paths];
    // Data files: January and February from the append, February again from the overwrite.
    expect(all.filter((p) => p.endsWith('.parquet'))).toHaveLength(3);
    expect(all.filter((p) => /\/metadata\/snap-/.test(p))).toHaveLength(2);
    expect(all.filter((p) => !p.startsWith(`${LOCATION}/`) && p !== LOCATION)).toEqual([]);
    expect(all.filter((p) => /^s3a:|^s3n:|^file:/.test(p))).toEqual([]);
    expect(metadata.metadataLog.map((e) => e.metadataFile)).toEqual([
      expect.stringMatching(METADATA_FILE(0)),
      expect.stringMatching(METADATA_FILE(1)),
    ]);
    // Data files live under their partition folder.
    expect(all.filter((p) => p.endsWith('.parquet')).map((p) => p.split('/').at(-2))).toEqual(
      expect.arrayContaining(['ts_month=2024-01', 'ts_month=2024-02']),
    );
  });
});
