import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { defineFeatureView, type FeatureView } from '../features/feature-view.js';
import type { OnlineStore } from '../online/online-store.js';

/** What {@link describeOnlineStoreContract} needs from an adapter under test. */
export interface OnlineStoreFixture {
  /** Opens a store over the fixture's data; a second call sees what the first wrote (a restart). */
  open(options: { now: () => number }): Promise<OnlineStore>;
  /** Removes everything the fixture created. */
  cleanup(): Promise<void>;
}

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 10);

/** A view per test, so tests sharing one backing store never see each other's entities. */
function typedView(name: string, ttl = 'P30D'): FeatureView {
  return defineFeatureView({
    name,
    version: 1,
    entities: [{ name: 'customer', joinKeys: [{ name: 'customer_id', type: 'long' }] }],
    features: [
      { name: 'orders', type: 'long', description: 'orders' },
      { name: 'spend', type: 'double', description: 'spend' },
      { name: 'tier', type: 'string', description: 'tier' },
      { name: 'first_order', type: 'date', description: 'first order date' },
      { name: 'last_seen', type: 'timestamp', description: 'last seen' },
      { name: 'active', type: 'boolean', description: 'active' },
      { name: 'visits', type: 'int', description: 'visits' },
    ],
    ttl,
    owner: 'tests',
    description: 'contract view',
  });
}

/**
 * The behaviour every {@link OnlineStore} adapter must have, run unchanged against each: typed round trip,
 * batch reads with missing keys, newer-wins overwrites, watermark persistence across a reopen, TTL expiry
 * at the injected clock, and concurrent writes of different keys all landing. `make` may return undefined
 * to skip (a server that is not installed outside CI).
 */
export function describeOnlineStoreContract(
  name: string,
  make: () => Promise<OnlineStoreFixture | undefined>,
): void {
  describe(`OnlineStore contract: ${name}`, () => {
    let fixture: OnlineStoreFixture | undefined;
    let clock = T0;
    const now = (): number => clock;
    const opened: OnlineStore[] = [];
    const open = async (): Promise<OnlineStore> => {
      if (!fixture) throw new Error('fixture missing');
      const store = await fixture.open({ now });
      opened.push(store);
      return store;
    };

    beforeAll(async () => {
      fixture = await make();
    });
    afterAll(async () => {
      for (const store of opened) await store.close();
      await fixture?.cleanup();
    });

    it('round-trips typed values (long, double, string, date, timestamp, boolean, int, null)', async (ctx) => {
      if (!fixture) return ctx.skip();
      clock = T0;
      const store = await open();
      const view = typedView('round_trip');
      const full = {
        orders: 9_007_199_254_740_993n,
        spend: 0.1 + 0.2,
        tier: 'gold: "vip" ünïcode',
        first_order: new Date('2023-02-28T00:00:00.000Z'),
        last_seen: new Date('2024-01-09T13:45:30.123Z'),
        active: false,
        visits: -7,
      };
      const sparse = { orders: 0n, spend: null, tier: '', first_order: null, last_seen: null, active: true };
      await store.write(view, [
        { key: { customer_id: 1n }, eventTime: new Date(T0), values: full },
        { key: { customer_id: 2 }, eventTime: new Date(T0 - DAY), values: sparse },
      ]);
      const [one, two] = await store.get(view, [{ customer_id: 1 }, { customer_id: 2n }]);
      expect(one).toEqual({ eventTime: new Date(T0), values: full });
      expect(two).toEqual({ eventTime: new Date(T0 - DAY), values: { ...sparse, visits: null } });
    });

    it('writes then reads any double, long and string unchanged (property)', async (ctx) => {
      if (!fixture) return ctx.skip();
      clock = T0;
      const store = await open();
      const view = typedView('property');
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.tuple(fc.double(), fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), fc.string()),
            {
              minLength: 1,
              maxLength: 20,
            },
          ),
          async (entries) => {
            const rows = entries.map(([spend, orders, tier], i) => ({
              key: { customer_id: BigInt(i) },
              eventTime: new Date(T0),
              values: { spend, orders, tier },
            }));
            await store.write(view, rows);
            const got = await store.get(
              view,
              rows.map((r) => r.key),
            );
            // -0 is stored as 0: equal as a number, which is what a model reads.
            expect(
              got.map((g) => [g?.values.spend === 0 ? 0 : g?.values.spend, g?.values.orders, g?.values.tier]),
            ).toEqual(entries.map(([spend, orders, tier]) => [spend === 0 ? 0 : spend, orders, tier]));
          },
        ),
        { numRuns: 15, seed: 5 },
      );
    });

    it('answers a batch in key order with null for unknown entities', async (ctx) => {
      if (!fixture) return ctx.skip();
      clock = T0;
      const store = await open();
      const view = typedView('batch');
      await store.write(view, [
        { key: { customer_id: 1 }, eventTime: new Date(T0), values: { tier: 'a' } },
        { key: { customer_id: 3 }, eventTime: new Date(T0), values: { tier: 'c' } },
      ]);
      const got = await store.get(
        view,
        [1, 2, 3, 4, 1].map((id) => ({ customer_id: id })),
      );
      expect(got.map((g) => g?.values.tier ?? null)).toEqual(['a', null, 'c', null, 'a']);
      expect(await store.get(view, [])).toEqual([]);
    });

    it('keeps composite and awkward string keys apart', async (ctx) => {
      if (!fixture) return ctx.skip();
      clock = T0;
      const store = await open();
      const view = defineFeatureView({
        name: 'composite',
        version: 1,
        entities: [
          { name: 'store', joinKeys: [{ name: 'store_id', type: 'string' }] },
          { name: 'item', joinKeys: [{ name: 'item_id', type: 'string' }] },
        ],
        features: [{ name: 'stock', type: 'long', description: 'stock' }],
        ttl: 'P1D',
        owner: 'tests',
        description: 'composite keys',
      });
      await store.write(view, [
        { key: { store_id: 'a:b', item_id: 'c' }, eventTime: new Date(T0), values: { stock: 1n } },
        { key: { store_id: 'a', item_id: 'b:c' }, eventTime: new Date(T0), values: { stock: 2n } },
        { key: { store_id: '#watermark', item_id: '' }, eventTime: new Date(T0), values: { stock: 3n } },
      ]);
      const got = await store.get(view, [
        { store_id: 'a', item_id: 'b:c' },
        { store_id: 'a:b', item_id: 'c' },
        { store_id: '#watermark', item_id: '' },
      ]);
      expect(got.map((g) => g?.values.stock)).toEqual([2n, 1n, 3n]);
      expect(await store.getWatermark(view)).toBeNull();
    });

    it('lets a newer event time overwrite (nulls included) and ignores an older one', async (ctx) => {
      if (!fixture) return ctx.skip();
      clock = T0;
      const store = await open();
      const view = typedView('overwrite');
      const key = { customer_id: 5 };
      await store.write(view, [{ key, eventTime: new Date(T0 - 2 * DAY), values: { tier: 'a', spend: 1 } }]);
      await store.write(view, [{ key, eventTime: new Date(T0 - DAY), values: { tier: 'b' } }]);
      await store.write(view, [
        { key, eventTime: new Date(T0 - 3 * DAY), values: { tier: 'old', spend: 9 } },
      ]);
      const [got] = await store.get(view, [key]);
      expect(got?.eventTime).toEqual(new Date(T0 - DAY));
      expect(got?.values.tier).toBe('b');
      expect(got?.values.spend).toBeNull();
    });

    it('keeps the watermark across a reopen', async (ctx) => {
      if (!fixture) return ctx.skip();
      const store = await open();
      const view = typedView('watermark');
      expect(await store.getWatermark(view)).toBeNull();
      await store.setWatermark(view, { eventTime: new Date(T0), snapshotId: 1234567890123456789n });
      await store.setWatermark(view, { eventTime: new Date(T0 + DAY), snapshotId: 42n });
      await store.write(view, [{ key: { customer_id: 1 }, eventTime: new Date(T0), values: { tier: 'x' } }]);
      await store.close();
      const reopened = await open();
      expect(await reopened.getWatermark(view)).toEqual({ eventTime: new Date(T0 + DAY), snapshotId: 42n });
      expect((await reopened.get(view, [{ customer_id: 1 }]))[0]?.values.tier).toBe('x');
      // Watermarks belong to one view version.
      expect(await reopened.getWatermark({ ...view, version: 2 })).toBeNull();
    });

    it('stops serving a value once it is older than the TTL at the injected clock', async (ctx) => {
      if (!fixture) return ctx.skip();
      const store = await open();
      const view = typedView('ttl', 'P1D');
      await store.write(view, [
        { key: { customer_id: 1 }, eventTime: new Date(T0), values: { tier: 'fresh' } },
        { key: { customer_id: 2 }, eventTime: new Date(T0 - DAY), values: { tier: 'stale' } },
      ]);
      const tiers = async (): Promise<unknown[]> =>
        (await store.get(view, [{ customer_id: 1 }, { customer_id: 2 }])).map((g) => g?.values.tier ?? null);
      clock = T0 + DAY - 1;
      expect(await tiers()).toEqual(['fresh', null]); // exactly TTL old: expired (eventTime > now − ttl)
      clock = T0 + DAY;
      expect(await tiers()).toEqual([null, null]);
      clock = T0;
    });

    it('does not store a row that is already older than the TTL', async (ctx) => {
      if (!fixture) return ctx.skip();
      const store = await open();
      const view = typedView('expired_write', 'P1D');
      clock = T0 + 2 * DAY;
      await store.write(view, [
        { key: { customer_id: 1 }, eventTime: new Date(T0), values: { tier: 'late' } },
      ]);
      clock = T0; // Were it stored, it would be served now.
      expect(await store.get(view, [{ customer_id: 1 }])).toEqual([null]);
    });

    it('lands every one of many concurrent writes of different keys', async (ctx) => {
      if (!fixture) return ctx.skip();
      clock = T0;
      const store = await open();
      const view = typedView('concurrent');
      const ids = Array.from({ length: 40 }, (_, i) => i);
      await Promise.all(
        ids.map((id) =>
          store.write(view, [
            { key: { customer_id: id }, eventTime: new Date(T0), values: { visits: id * 2 } },
          ]),
        ),
      );
      expect(
        (
          await store.get(
            view,
            ids.map((id) => ({ customer_id: id })),
          )
        ).map((g) => g?.values.visits),
      ).toEqual(ids.map((id) => id * 2));
      await store.close();
      const reopened = await open();
      const again = await reopened.get(
        view,
        ids.map((id) => ({ customer_id: id })),
      );
      expect(again.filter((g) => g !== null)).toHaveLength(40);
    });

    it('rejects a key missing a join key or of the wrong type, naming the join key', async (ctx) => {
      if (!fixture) return ctx.skip();
      const store = await open();
      const view = typedView('bad_keys');
      await expect(store.get(view, [{ id: 1 }])).rejects.toThrow(InvalidInputError);
      await expect(store.get(view, [{ customer_id: 'x' }])).rejects.toThrow(/join key `customer_id`/);
      await expect(
        store.write(view, [{ key: { customer_id: 1 }, eventTime: new Date(T0), values: { orders: 'many' } }]),
      ).rejects.toThrow(/feature `orders` \(long\)/);
    });
  });
}
