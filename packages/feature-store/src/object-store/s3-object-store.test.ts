import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { type MotoServer, startMotoServer } from '../testing/moto-server.js';
import { describeObjectStoreContract } from '../testing/object-store-contract.js';
import { S3ObjectStore } from './s3-object-store.js';

const moto: MotoServer | undefined = await startMotoServer();
afterAll(() => moto?.stop());

let buckets = 0;

/** A new bucket (and cache folder) per test: no state leaks between tests. */
async function makeStore(server: MotoServer, prefix?: string) {
  const client = server.s3Client();
  const bucket = `fti-store-${++buckets}`;
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  const cacheDir = await mkdtemp(join(tmpdir(), 'fti-s3-cache-'));
  const store = new S3ObjectStore({ client, bucket, cacheDir, ...(prefix === undefined ? {} : { prefix }) });
  return { store, cleanup: () => rm(cacheDir, { recursive: true, force: true }) };
}

describe.skipIf(moto === undefined)('S3ObjectStore on moto_server', () => {
  const server = moto as MotoServer;
  describeObjectStoreContract('S3ObjectStore (bucket root)', () => makeStore(server));
  describeObjectStoreContract('S3ObjectStore (under a prefix)', () => makeStore(server, 'warehouse/dev'));

  it('names its root s3://bucket/prefix and keeps keys relative to the prefix', async () => {
    const { store, cleanup } = await makeStore(server, '/warehouse/dev/');
    try {
      expect(store.rootUri).toMatch(/^s3:\/\/fti-store-\d+\/warehouse\/dev$/);
      await store.put('ns/t/x', new Uint8Array([1]));
      expect(await store.list('')).toEqual([{ key: 'ns/t/x', size: 1 }]);
    } finally {
      await cleanup();
    }
  });

  it('lists past one page and deletes in batches of 1000', async () => {
    const { store, cleanup } = await makeStore(server);
    try {
      const keys = Array.from({ length: 1203 }, (_, i) => `many/${String(i).padStart(5, '0')}`);
      for (let i = 0; i < keys.length; i += 50) {
        await Promise.all(keys.slice(i, i + 50).map((key) => store.put(key, new Uint8Array([1]))));
      }
      const listed = await store.list('many/');
      expect(listed.map((o) => o.key)).toEqual(keys);
      await store.delete(keys.slice(0, 1100));
      expect((await store.list('many/')).map((o) => o.key)).toEqual(keys.slice(1100));
    } finally {
      await cleanup();
    }
  });
});
