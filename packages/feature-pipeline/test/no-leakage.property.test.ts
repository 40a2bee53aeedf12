import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileFeatureSql, compileLabelSql } from '../src/index.js';
import {
  createShopEvents,
  type DuckDbSession,
  openDuckDbSession,
  type Row,
  type ShopEvent,
} from './duckdb-session.js';
import { shopFeatures, shopLabels } from './fixtures/shop-definitions.js';

const START = Date.UTC(2024, 1, 1); // 2024-02-01 00:00
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/** Minutes after START within 50 days, often exactly at midnight (the as-of boundary). */
const minutes = fc.oneof(
  fc.integer({ min: 0, max: 50 * 1440 - 1 }),
  fc.integer({ min: 0, max: 49 }).map((d) => d * 1440),
);
const event = (from: number, to: number): fc.Arbitrary<ShopEvent> =>
  fc.record({
    customer: fc.constantFrom(1, 2, 3, 4),
    ts: minutes.map((m) => iso(from + (m % Math.max(1, Math.floor((to - from) / 60_000))) * 60_000)),
    invoice: fc.constantFrom('A1', 'A2', 'B7', 'C1', 'C2'),
    sku: fc.constantFrom('S1', 'S2', 'S3'),
    qty: fc.integer({ min: -2, max: 5 }),
    price: fc.constantFrom(0.5, 1, 2.5, 10),
    country: fc.constantFrom('UK', 'FR', null),
  });

/** A feature date D (day 10…40 after START), events before D, and two different event sets from D on. */
const scenario = fc.integer({ min: 10, max: 40 }).chain((day) => {
  const asOf = START + day * DAY;
  return fc.record({
    date: fc.constant(new Date(asOf).toISOString().slice(0, 10)),
    past: fc.array(event(START, asOf), { maxLength: 25 }),
    future: fc.array(event(asOf, asOf + 20 * DAY), { maxLength: 10 }),
    otherFuture: fc.array(event(asOf, asOf + 20 * DAY), { maxLength: 10 }),
    otherPast: fc.array(event(START, asOf), { maxLength: 25 }),
  });
});

let db: DuckDbSession;
beforeAll(async () => {
  db = await openDuckDbSession();
});
afterAll(() => db.close());

const rowsOn = async (sql: string, date: string): Promise<Row[]> =>
  (await db.query(sql)).filter((row) => row.feature_date === date);

describe('no leakage', () => {
  it('features for date D never change when events at or after D are added, changed or removed', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ date, past, future, otherFuture }) => {
        // A later date in the same query: a backfill must not leak between its dates either.
        const later = new Date(Date.parse(date) + 9 * DAY).toISOString().slice(0, 10);
        const sql = compileFeatureSql(shopFeatures, {
          dialect: 'duckdb',
          source: 'leak_events',
          featureDates: [date, later],
        });
        await createShopEvents(db, 'leak_events', [...past, ...future]);
        const before = await rowsOn(sql, date);
        await createShopEvents(db, 'leak_events', [...past, ...otherFuture]);
        expect(await rowsOn(sql, date)).toEqual(before);
      }),
      { numRuns: 40, seed: 20240311 },
    );
  });

  it('labels for date D never change when events before D change (for entities in both populations)', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ date, past, otherPast, future }) => {
        const sql = compileLabelSql(shopLabels, {
          dialect: 'duckdb',
          source: 'leak_events',
          featureDates: [date],
        });
        await createShopEvents(db, 'leak_events', [...past, ...future]);
        const before = new Map((await rowsOn(sql, date)).map((row) => [row.customer_id, row]));
        await createShopEvents(db, 'leak_events', [...otherPast, ...future]);
        for (const row of await rowsOn(sql, date)) {
          const earlier = before.get(row.customer_id);
          if (earlier !== undefined) expect(row).toEqual(earlier);
        }
      }),
      { numRuns: 40, seed: 20240312 },
    );
  });
});
