import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { S3ObjectStore } from '@fti/feature-store';
import { type MotoServer, startMotoServer } from '@fti/feature-store/testing';
import { afterAll, describe } from 'vitest';
import { describeModelRegistryContract } from '../src/testing/model-registry-contract.js';

const moto: MotoServer | undefined = await startMotoServer();
afterAll(() => moto?.stop());

let buckets = 0;

describe.skipIf(moto === undefined)('model registry on S3 (moto_server)', () => {
  describeModelRegistryContract('S3ObjectStore', async () => {
    const server = moto as MotoServer;
    const client = server.s3Client();
    const bucket = `fti-models-${++buckets}`;
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    const cacheDir = await mkdtemp(join(tmpdir(), 'fti-registry-s3-'));
    const store = new S3ObjectStore({ client, bucket, cacheDir, prefix: 'ml' });
    return { store, cleanup: () => rm(cacheDir, { recursive: true, force: true }) };
  });
});
