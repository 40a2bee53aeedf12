import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineFeatureView } from '../features/feature-view.js';
import { registerFeatureView } from '../store/register-feature-view.js';
import { appendData } from '../table/append-data.js';
import { listSnapshots } from '../table/list-snapshots.js';
import type { Table } from '../table/table-env.js';
import { startRedisServer } from '../testing/redis-server.js';
import { useTempWarehouse } from '../testing/temp-warehouse.js';
import { EmbeddedOnlineStore } from './embedded-online-store.js';
import { materializeOnline } from './materialize-online.js';
import type { EntityKey, OnlineRow, OnlineStore } from './online-store.js';
import { planOnlineMaterialization } from './plan-online-materialization.js';
import { RedisOnlineStore } from './redis-online-store.js';

// materializeOnline over a small feature view table (month-partitioned by feature_date, TTL 30 days), with
// every online row computed by hand below.

const view = defineFeatureView({
  name: 'customer_daily',
  version: 1,
  entities: [{ name: 'customer', joinKeys: [{ name: 'customer_id', type: 'long' }] }],
  features: [
    { name: 'spend', type: 'double', description: 'spend' },
    { name: 'tier', type: 'string', description: 'tier' },
    { name: 'orders', type: 'long', description: 'orders' },
    { name: 'last_order', type: 'date', description: 'last order date' },
  ],
  ttl: 'P30D',
  owner: 'tests',
  description: 'daily customer features',
});

const day = (iso: string): Date => new Date(`${iso}T00:00:00.000Z`);
const rows = (values: string[]) => ({
  kind: 'sql' as const,
  sql: `SELECT * FROM (VALUES ${values.join(', ')}) AS t(customer_id, feature_date, spend, tier, orders, last_order)`,
});

/** Records which entities each write carried, around a real store. */
class RecordingStore implements OnlineStore {
  readonly written: EntityKey[][] = [];
  constructor(private readonly inner: OnlineStore) {}
  write: OnlineStore['write'] = (v, r: readonly OnlineRow[]) => {
    this.written.push(r.map((row) => row.key));
    return this.inner.write(v, r);
  };
  get: OnlineStore['get'] = (v, k) => this.inner.get(v, k);
  getWatermark: OnlineStore['getWatermark'] = (v) => this.inner.getWatermark(v);
  setWatermark: OnlineStore['setWatermark'] = (v, w) => this.inner.setWatermark(v, w);
  close: OnlineStore['close'] = () => this.inner.close();
}

let table: Table;
let clock = day('2024-02-01').getTime();
const now = (): number => clock;
let store: RecordingStore;

const lookup = async (ids: number[]): Promise<(Record<string, unknown> | null)[]> =>
  (
    await store.get(
      view,
      ids.map((id) => ({ customer_id: id })),
    )
  ).map((found) => (found === null ? null : { eventTime: found.eventTime, ...found.values }));

const warehouse = useTempWarehouse('fti-materialize-online-', { now: () => 1_700_000_000_000 });

beforeAll(async () => {
  table = await registerFeatureView(warehouse.env, view);
  table = await appendData(
    table,
    rows([
      `(1::BIGINT, DATE '2024-01-05', 10.0::DOUBLE, 'a', 1::BIGINT, DATE '2024-01-05')`,
      `(1::BIGINT, DATE '2024-01-20', 20.5::DOUBLE, 'b', 2::BIGINT, DATE '2024-01-19')`,
      `(2::BIGINT, DATE '2024-01-10', 7.25::DOUBLE, NULL, 3::BIGINT, NULL)`,
      // Exactly 30 days before 2024-02-01: expired (served iff eventTime > now − ttl).
      `(4::BIGINT, DATE '2024-01-02', 5.0::DOUBLE, 'edge', 5::BIGINT, NULL)`,
      // December: its own file, pruned by the TTL filter without being opened.
      `(3::BIGINT, DATE '2023-12-01', 99.0::DOUBLE, 'old', 4::BIGINT, DATE '2023-12-01')`,
    ]),
  );
  store = new RecordingStore(await EmbeddedOnlineStore.open({ now }));
});

afterAll(async () => {
  await store.close();
});

describe('materializeOnline', () => {
  it('first run: the latest row per entity at the current snapshot, expired entities left out', async () => {
    const result = await materializeOnline({ table, store, now });
    const snapshotId = (await listSnapshots(table)).at(-1)?.snapshotId;
    expect(result).toMatchObject({
      mode: 'full',
      snapshotId,
      filesRead: 1,
      filesTotal: 2,
      entitiesWritten: 2,
      watermark: { eventTime: day('2024-01-20'), snapshotId },
    });
    expect(
      store.written
        .flat()
        .map((k) => k.customer_id)
        .sort(),
    ).toEqual([1n, 2n]);
    expect(await store.getWatermark(view)).toEqual({ eventTime: day('2024-01-20'), snapshotId });
    expect(await lookup([1, 2, 3, 4])).toEqual([
      { eventTime: day('2024-01-20'), spend: 20.5, tier: 'b', orders: 2n, last_order: day('2024-01-19') },
      { eventTime: day('2024-01-10'), spend: 7.25, tier: null, orders: 3n, last_order: null },
      null,
      null,
    ]);
  });

  it('incremental run: reads only files newer than the watermark and rewrites only the entities in them', async () => {
    table = await appendData(
      table,
      rows([
        `(2::BIGINT, DATE '2024-02-03', 8.0::DOUBLE, 'c', 6::BIGINT, DATE '2024-02-02')`,
        `(5::BIGINT, DATE '2024-02-04', 1.0::DOUBLE, 'new', 1::BIGINT, DATE '2024-02-04')`,
        // Late and older than the watermark: a January file the watermark filter prunes.
        `(1::BIGINT, DATE '2024-01-15', 999.0::DOUBLE, 'late', 9::BIGINT, NULL)`,
      ]),
    );
    clock = day('2024-02-05').getTime();
    store.written.length = 0;
    const result = await materializeOnline({ table, store, now });
    const snapshotId = (await listSnapshots(table)).at(-1)?.snapshotId;
    expect(result).toMatchObject({
      mode: 'incremental',
      filesRead: 1,
      filesTotal: 4,
      entitiesWritten: 2,
      watermark: { eventTime: day('2024-02-04'), snapshotId },
    });
    expect(
      store.written
        .flat()
        .map((k) => k.customer_id)
        .sort(),
    ).toEqual([2n, 5n]);
    expect(await lookup([1, 2, 5])).toEqual([
      { eventTime: day('2024-01-20'), spend: 20.5, tier: 'b', orders: 2n, last_order: day('2024-01-19') },
      { eventTime: day('2024-02-03'), spend: 8, tier: 'c', orders: 6n, last_order: day('2024-02-02') },
      { eventTime: day('2024-02-04'), spend: 1, tier: 'new', orders: 1n, last_order: day('2024-02-04') },
    ]);
  });

  it('a run with nothing newer writes nothing; an entity older than the TTL is no longer served', async () => {
    clock = day('2024-02-20').getTime();
    store.written.length = 0;
    const result = await materializeOnline({ table, store, now });
    expect(result).toMatchObject({ mode: 'incremental', filesRead: 0, entitiesWritten: 0 });
    expect(result.watermark?.eventTime).toEqual(day('2024-02-04'));
    expect(store.written).toEqual([]);
    // Entity 1's latest value (2024-01-20) is 31 days old on 2024-02-20; entity 2's (2024-02-03) is not.
    expect((await lookup([1, 2])).map((r) => r?.tier ?? null)).toEqual([null, 'c']);
  });

  it('writes in batches of batchSize into a fresh store, with the same result', async () => {
    const fresh = new RecordingStore(await EmbeddedOnlineStore.open({ now }));
    const result = await materializeOnline({ table, store: fresh, now, batchSize: 1 });
    // On 2024-02-20 (cutoff 2024-01-21) only entities 2 and 5 are fresh.
    expect(result.entitiesWritten).toBe(2);
    expect(fresh.written.map((batch) => batch.length)).toEqual([1, 1]);
    expect(result.watermark?.eventTime).toEqual(day('2024-02-04'));
  });
});

describe('materializeOnline into Redis and with a timestamp event time', () => {
  it('gives Redis the same online rows as the embedded store', async (ctx) => {
    const server = await startRedisServer();
    if (!server) return ctx.skip();
    const redis = await RedisOnlineStore.connect({ url: server.url, now });
    const embedded = await EmbeddedOnlineStore.open({ now });
    try {
      const intoRedis = await materializeOnline({ table, store: redis, now, batchSize: 1 });
      const intoEmbedded = await materializeOnline({ table, store: embedded, now });
      expect(intoRedis.entitiesWritten).toBe(2);
      expect(intoRedis.watermark).toEqual(intoEmbedded.watermark);
      const keys = [1, 2, 3, 4, 5].map((id) => ({ customer_id: id }));
      const fromRedis = await redis.get(view, keys);
      expect(fromRedis).toEqual(await embedded.get(view, keys));
      expect(fromRedis.map((f) => f?.values.tier ?? null)).toEqual([null, 'c', null, null, 'new']);
    } finally {
      await redis.close();
      await server.stop();
    }
  });

  it('keeps the latest row per composite key by timestamp, timestamps exact to the millisecond', async () => {
    const events = defineFeatureView({
      name: 'session_events',
      version: 1,
      entities: [
        { name: 'shop', joinKeys: [{ name: 'shop_id', type: 'string' }] },
        { name: 'visitor', joinKeys: [{ name: 'visitor_id', type: 'int' }] },
      ],
      eventTimeColumn: 'seen_at',
      eventTimeType: 'timestamp',
      features: [
        { name: 'last_click', type: 'timestamp', description: 'last click' },
        { name: 'clicks', type: 'int', description: 'clicks' },
      ],
      ttl: 'PT1H',
      owner: 'tests',
      description: 'sessions',
      partition: [{ column: 'seen_at', transform: 'day' }],
    });
    let sessions = await registerFeatureView(warehouse.env, events);
    sessions = await appendData(sessions, {
      kind: 'sql',
      sql: `SELECT * FROM (VALUES
        ('a', 1, TIMESTAMPTZ '2024-03-01 10:00:00.250+00', TIMESTAMPTZ '2024-03-01 09:59:59.999+00', 3),
        ('a', 1, TIMESTAMPTZ '2024-03-01 10:30:00.500+00', TIMESTAMPTZ '2024-03-01 10:29:00.001+00', 5),
        ('a', 2, TIMESTAMPTZ '2024-03-01 10:10:00+00', NULL, 1),
        ('b', 1, TIMESTAMPTZ '2024-03-01 09:00:00+00', NULL, 9)
      ) AS t(shop_id, visitor_id, seen_at, last_click, clicks)`,
    });
    const at = (): number => Date.parse('2024-03-01T10:45:00Z');
    const online = await EmbeddedOnlineStore.open({ now: at });
    const result = await materializeOnline({ table: sessions, store: online, now: at });
    expect(result.entitiesWritten).toBe(2); // ('b', 1) is 1 h 45 min old: past the 1-hour TTL
    const got = await online.get(events, [
      { shop_id: 'a', visitor_id: 1 },
      { shop_id: 'a', visitor_id: 2 },
      { shop_id: 'b', visitor_id: 1 },
    ]);
    expect(got).toEqual([
      {
        eventTime: new Date('2024-03-01T10:30:00.500Z'),
        values: { last_click: new Date('2024-03-01T10:29:00.001Z'), clicks: 5 },
      },
      { eventTime: new Date('2024-03-01T10:10:00Z'), values: { last_click: null, clicks: 1 } },
      null,
    ]);
    expect(result.watermark?.eventTime).toEqual(new Date('2024-03-01T10:30:00.500Z'));
  });
});

describe('planOnlineMaterialization', () => {
  it('prunes by the watermark and by the TTL cutoff, rounded down to a day for a date event time', () => {
    const plan = planOnlineMaterialization({
      view,
      watermark: { eventTime: day('2024-01-20'), snapshotId: 1n },
      nowMs: Date.parse('2024-02-01T15:30:00Z'),
    });
    expect(plan.mode).toBe('incremental');
    expect(plan.filter).toEqual({
      and: [
        { column: 'feature_date', op: '>', value: day('2024-01-02') },
        { column: 'feature_date', op: '>', value: day('2024-01-20') },
      ],
    });
    expect(plan.sql('r')).toContain('QUALIFY row_number() OVER (PARTITION BY t."customer_id"');
  });
});
