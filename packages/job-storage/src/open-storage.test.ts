import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { GetTableCommand } from '@aws-sdk/client-glue';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { createTable, describeTable } from '@fti/feature-store';
import { startMotoServer } from '@fti/feature-store/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { openStorage } from './open-storage.js';
import { planStorage } from './plan-storage.js';

const dir = await mkdtemp(join(tmpdir(), 'fti-job-storage-'));
const moto = await startMotoServer();
afterAll(async () => {
  await moto?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('openStorage', () => {
  it('opens local folders: the warehouse, the registry and other stores, no AWS client', async () => {
    const plan = planStorage({
      layers: [{ raw: { warehouse: 'w', registry: 'r' }, baseDir: dir, source: 'job' }],
    });
    const storage = await openStorage(plan, { scratchDir: join(dir, 'scratch') });
    try {
      expect(storage.s3).toBeUndefined();
      const withAws = await openStorage(
        planStorage({
          layers: [{ raw: { warehouse: 'w', aws: { region: 'eu-west-1' } }, baseDir: dir, source: 'job' }],
        }),
        { scratchDir: join(dir, 'scratch-aws') },
      );
      expect(await withAws.s3?.config.region()).toBe('eu-west-1');
      await withAws.close();
      expect(storage.athena).toBeUndefined();
      expect(storage.registry.store.rootUri).toBe(pathToFileURL(join(dir, 'r')).href);
      expect(storage.openStore({ kind: 'local', path: join(dir, 'runs') }).rootUri).toBe(
        pathToFileURL(join(dir, 'runs')).href,
      );
      const table = await createTable(storage.warehouse, {
        namespace: 'demo',
        name: 't',
        columns: [{ name: 'x', type: 'long' }],
      });
      expect((await describeTable(table)).location).toBe(pathToFileURL(join(dir, 'w', 'demo', 't')).href);
    } finally {
      await storage.close();
    }
  });

  it.skipIf(!moto)(
    'opens S3 with the Glue catalog and Athena from one plan, on injected clients',
    async () => {
      const server = moto as NonNullable<typeof moto>;
      const s3 = server.s3Client();
      const glue = server.glueClient();
      await s3.send(new CreateBucketCommand({ Bucket: 'lake' }));
      const plan = planStorage({
        layers: [
          {
            raw: {
              warehouse: 's3://lake/wh',
              catalog: 'glue',
              engine: 'athena',
              athena: { database: 'demo' },
              registry: 's3://lake/models',
              aws: { endpoint: server.endpoint },
            },
            baseDir: dir,
            source: 'job',
          },
        ],
      });
      const storage = await openStorage(plan, { clients: { s3, glue }, scratchDir: join(dir, 's3-scratch') });
      try {
        expect(storage.s3).toBe(s3);
        expect(storage.registry.store.rootUri).toBe('s3://lake/models');
        expect(storage.athena).toMatchObject({
          s3,
          workGroup: 'primary',
          outputLocation: 's3://lake/wh/_athena/results/',
          unloadLocation: 's3://lake/wh/_athena/unload/',
          database: 'demo',
        });
        await createTable(storage.warehouse, {
          namespace: 'demo',
          name: 't',
          columns: [{ name: 'x', type: 'long' }],
        });
        const { Table } = await glue.send(new GetTableCommand({ DatabaseName: 'demo', Name: 't' }));
        expect(Table?.Parameters?.table_type).toBe('ICEBERG');
        expect(Table?.Parameters?.metadata_location).toMatch(
          /^s3:\/\/lake\/wh\/demo\/t\/metadata\/.+\.metadata\.json$/,
        );
      } finally {
        await storage.close();
      }
    },
  );
});
