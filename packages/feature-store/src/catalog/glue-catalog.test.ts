import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ConcurrentModificationException,
  GetDatabaseCommand,
  GetTableCommand,
  type GlueClient,
  UpdateTableCommand,
} from '@aws-sdk/client-glue';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalObjectStore } from '../object-store/local-object-store.js';
import { S3ObjectStore } from '../object-store/s3-object-store.js';
import { describeCatalogContract } from '../testing/catalog-contract.js';
import { type MotoServer, startMotoServer } from '../testing/moto-server.js';
import { sampleTableMetadata } from '../testing/sample-table-metadata.js';
import { CommitConflict } from './catalog.js';
import { GlueCatalog } from './glue-catalog.js';

const moto: MotoServer | undefined = await startMotoServer();
afterAll(() => moto?.stop());

const id = { namespace: 'features', name: 'customers' };

/** Ids `id-0`, `id-1`, ... so metadata file names are predictable. */
function counterIds(): () => string {
  let next = 0;
  return () => `id-${next++}`;
}

async function makeGlueCatalog(server: MotoServer) {
  await server.reset();
  const client = server.s3Client();
  await client.send(new CreateBucketCommand({ Bucket: 'lake' }));
  const cacheDir = await mkdtemp(join(tmpdir(), 'fti-s3-cache-'));
  const store = new S3ObjectStore({ client, bucket: 'lake', prefix: 'warehouse', cacheDir });
  const glue = server.glueClient();
  const catalog = new GlueCatalog({
    glue,
    store,
    randomId: counterIds(),
    database: { description: 'fti features' },
  });
  return { catalog, glue, store, cleanup: () => rm(cacheDir, { recursive: true, force: true }) };
}

describe.skipIf(moto === undefined)('GlueCatalog on moto_server', () => {
  const server = moto as MotoServer;
  describeCatalogContract('GlueCatalog', () => makeGlueCatalog(server));

  describe('the Glue table it registers', () => {
    let fixture: Awaited<ReturnType<typeof makeGlueCatalog>>;
    beforeEach(async () => {
      fixture = await makeGlueCatalog(server);
    });
    afterEach(() => fixture.cleanup());

    it('is an EXTERNAL_TABLE with table_type=ICEBERG, its pointers, location and Hive-typed columns', async () => {
      const { catalog, glue } = fixture;
      const location = catalog.defaultLocation(id);
      const created = await catalog.createTable(id, sampleTableMetadata({ location }));
      expect(created.metadataLocation).toBe(`${location}/metadata/00000-id-0.metadata.json`);
      const committed = await catalog.commitTable(created, { ...created.metadata, properties: { a: '1' } });
      expect(committed.metadataLocation).toBe(`${location}/metadata/00001-id-1.metadata.json`);

      const { Table } = await glue.send(new GetTableCommand({ DatabaseName: 'features', Name: 'customers' }));
      expect(Table?.TableType).toBe('EXTERNAL_TABLE');
      expect(Table?.Parameters).toEqual({
        table_type: 'ICEBERG',
        metadata_location: committed.metadataLocation,
        previous_metadata_location: created.metadataLocation,
      });
      expect(Table?.VersionId).toBe(committed.version);
      expect(Table?.StorageDescriptor?.Location).toBe('s3://lake/warehouse/features/customers');
      expect(Table?.StorageDescriptor?.Columns?.map((c) => [c.Name, c.Type, c.Comment])).toEqual([
        ['customer_id', 'bigint', undefined],
        ['ts', 'timestamp', undefined],
        ['amount', 'double', 'order total in EUR'],
      ]);
      expect(Table?.StorageDescriptor?.Columns?.[2]?.Parameters).toEqual({
        'iceberg.field.id': '3',
        'iceberg.field.optional': 'true',
        'iceberg.field.current': 'true',
      });
      const { Database } = await glue.send(new GetDatabaseCommand({ Name: 'features' }));
      expect([Database?.LocationUri, Database?.Description]).toEqual([
        's3://lake/warehouse/features',
        'fti features',
      ]);
    });

    it('removes its own metadata file when a commit loses the race', async () => {
      const { catalog, store } = fixture;
      const base = await catalog.createTable(
        id,
        sampleTableMetadata({ location: catalog.defaultLocation(id) }),
      );
      await catalog.commitTable(base, { ...base.metadata, properties: { a: '1' } });
      await expect(
        catalog.commitTable(base, { ...base.metadata, properties: { a: '2' } }),
      ).rejects.toBeInstanceOf(CommitConflict);
      expect((await store.list('features/customers/metadata/')).map((o) => o.key.split('/').at(-1))).toEqual([
        '00000-id-0.metadata.json',
        '00001-id-1.metadata.json',
      ]);
    });
  });
});

describe('GlueCatalog with a Glue that reports ConcurrentModificationException', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'fti-glue-fake-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('maps the exception to CommitConflict and leaves no new metadata file', async () => {
    const store = new LocalObjectStore({ root });
    const location = `${store.rootUri}/features/customers`;
    const metadata = sampleTableMetadata({ location });
    const baseLocation = `${location}/metadata/00000-base.metadata.json`;
    await store.put('features/customers/metadata/00000-base.metadata.json', new Uint8Array([123, 125]));
    const updates: unknown[] = [];
    // A minimal Glue: the table still points at the base, but the update races another writer.
    const fake = {
      send: async (command: unknown) => {
        if (command instanceof GetTableCommand) {
          return {
            Table: {
              Name: 'customers',
              VersionId: '7',
              Parameters: { table_type: 'ICEBERG', metadata_location: baseLocation },
            },
          };
        }
        if (command instanceof UpdateTableCommand) {
          updates.push(command.input.VersionId);
          throw new ConcurrentModificationException({
            message: 'Update table failed due to concurrent modifications',
            $metadata: {},
          });
        }
        throw new Error(`unexpected command ${String(command)}`);
      },
    } as unknown as GlueClient;
    const catalog = new GlueCatalog({ glue: fake, store, randomId: counterIds() });
    const base = { identifier: id, metadata, metadataLocation: baseLocation, version: '7' };
    const error = await catalog
      .commitTable(base, { ...metadata, properties: { a: '1' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommitConflict);
    expect((error as CommitConflict).cause).toBeInstanceOf(ConcurrentModificationException);
    expect(updates).toEqual(['7']);
    expect((await store.list('')).map((o) => o.key)).toEqual([
      'features/customers/metadata/00000-base.metadata.json',
    ]);
  });
});
