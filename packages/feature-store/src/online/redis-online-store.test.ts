import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineFeatureView } from '../features/feature-view.js';
import { describeOnlineStoreContract } from '../testing/online-store-contract.js';
import { type RedisServer, startRedisServer } from '../testing/redis-server.js';
import { RedisOnlineStore } from './redis-online-store.js';

let server: RedisServer | undefined;
let started: Promise<RedisServer | undefined> | undefined;
const startOnce = (): Promise<RedisServer | undefined> => {
  started ??= startRedisServer().then((s) => {
    server = s;
    return s;
  });
  return started;
};

afterAll(async () => {
  await server?.stop();
});

describeOnlineStoreContract('redis', async () => {
  const redis = await startOnce();
  if (!redis) return undefined;
  return {
    open: ({ now }) => RedisOnlineStore.connect({ url: redis.url, now, batchSize: 7 }),
    cleanup: async () => {},
  };
});

describe('RedisOnlineStore layout', () => {
  beforeAll(async () => {
    await startOnce();
  });

  it('keeps one hash per entity at fti:<view>:v<version>:<key> and the watermark beside it', async (ctx) => {
    if (!server) return ctx.skip();
    const view = defineFeatureView({
      name: 'layout',
      version: 3,
      entities: [{ name: 'customer', joinKeys: [{ name: 'customer_id', type: 'long' }] }],
      features: [
        { name: 'spend', type: 'double', description: 'spend' },
        { name: 'tier', type: 'string', description: 'tier' },
      ],
      ttl: 'P1D',
      owner: 'tests',
      description: 'layout',
    });
    const store = await RedisOnlineStore.connect({ url: server.url, now: () => 2 * 86_400_000 - 3_600_000 });
    const raw = createClient({ url: server.url });
    await raw.connect();
    try {
      await store.write(view, [
        { key: { customer_id: 42 }, eventTime: new Date(86_400_000), values: { spend: 2.5, tier: null } },
      ]);
      await store.setWatermark(view, { eventTime: new Date(86_400_000), snapshotId: null });
      expect(await raw.hGetAll('fti:layout:v3:42')).toEqual({ _t: '86400000', spend: '2.5' });
      // Expires when the value leaves the 1-day TTL by the store's clock: 1 day after it, 1 h from now.
      const left = await raw.pTTL('fti:layout:v3:42');
      expect(left).toBeGreaterThan(3_600_000 - 60_000);
      expect(left).toBeLessThanOrEqual(3_600_000);
      expect(await raw.get('fti:layout:v3:#watermark')).toBe(
        '{"eventTime":"1970-01-02T00:00:00.000Z","snapshotId":null}',
      );
    } finally {
      await store.close();
      await raw.close();
    }
  });
});
