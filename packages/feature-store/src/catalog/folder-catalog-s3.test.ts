import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { afterAll, describe } from 'vitest';
import { S3ObjectStore } from '../object-store/s3-object-store.js';
import { describeCatalogContract } from '../testing/catalog-contract.js';
import { type MotoServer, startMotoServer } from '../testing/moto-server.js';
import { FolderCatalog } from './folder-catalog.js';

const moto: MotoServer | undefined = await startMotoServer();
afterAll(() => moto?.stop());

let buckets = 0;

describe.skipIf(moto === undefined)('FolderCatalog on S3 (moto_server)', () => {
  describeCatalogContract('FolderCatalog on S3 without a metastore', async () => {
    const client = (moto as MotoServer).s3Client();
    const bucket = `fti-folder-catalog-${++buckets}`;
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    const cacheDir = await mkdtemp(join(tmpdir(), 'fti-s3-cache-'));
    const store = new S3ObjectStore({ client, bucket, prefix: 'warehouse', cacheDir });
    return {
      catalog: new FolderCatalog({ store }),
      cleanup: () => rm(cacheDir, { recursive: true, force: true }),
    };
  });
});
