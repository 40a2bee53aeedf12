import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileFeatureSql, compileLabelSql, parseFeatureSetDefinition } from '../src/index.js';
import { createShopEvents, type DuckDbSession, openDuckDbSession, type Row } from './duckdb-session.js';
import { shopFeatures, shopLabels } from './fixtures/shop-definitions.js';
import { shopEvents } from './fixtures/shop-events.js';

let db: DuckDbSession;
beforeAll(async () => {
  db = await openDuckDbSession();
  await createShopEvents(db, 'events', shopEvents);
});
afterAll(() => db.close());

const run = (sql: string): Promise<Row[]> => db.query(sql);
const byKey = (rows: Row[]) => new Map(rows.map((row) => [`${row.feature_date} ${row.customer_id}`, row]));

describe('compileFeatureSql on DuckDB (hand-computed values)', () => {
  it('computes every feature kind for both dates in one query, population = active within 60 days', async () => {
    const sql = compileFeatureSql(shopFeatures, {
      dialect: 'duckdb',
      source: 'events',
      featureDates: ['2024-03-11', '2024-03-06'],
    });
    const rows = await run(sql);
    expect(rows.map((r) => `${r.feature_date} ${r.customer_id}`)).toEqual([
      '2024-03-06 1',
      '2024-03-06 2',
      '2024-03-06 4',
      '2024-03-06 6',
      '2024-03-11 1',
      '2024-03-11 2',
      '2024-03-11 4',
      '2024-03-11 6',
    ]);
    const at = byKey(rows);
    const c1 = at.get('2024-03-11 1') as Row;
    expect(c1).toMatchObject({
      n_7d: 3,
      n_purchases_30d: 3,
      amount_sum_30d: 45,
      amount_min_30d: -10,
      amount_max_30d: 30,
      skus_30d: 2,
      recency_days: 1,
      weekend_share_30d: 0.5,
      top_country_30d: 'FR', // UK 2, FR 2: the tie goes to the smaller value
      top_qty_30d: 1, // 2, 1, 3 once each
      rfm_r: 4,
      rfm_f: 4,
      rfm_m: 4,
      amount_per_purchase: 15,
      active_7d: 1,
      amount_per_sku: 22.5,
    });
    expect(c1.amount_avg_30d).toBeCloseTo(55 / 3, 12);
    expect(c1.amount_sd_30d).toBeCloseTo(Math.sqrt(316.666666666666 / 2), 9);
    expect(c1.cancel_share_30d).toBeCloseTo(1 / 3, 12);

    expect(at.get('2024-03-11 2')).toMatchObject({
      n_7d: 0,
      n_purchases_30d: 2,
      amount_sum_30d: 14,
      amount_avg_30d: 7,
      amount_sd_30d: 0,
      skus_30d: 1,
      recency_days: 10,
      weekend_share_30d: 0,
      cancel_share_30d: 0,
      top_country_30d: 'DE',
      rfm_r: 2,
      rfm_f: 1,
      rfm_m: 2,
      amount_per_purchase: 7,
      active_7d: 0,
      amount_per_sku: 14,
    });
    expect(at.get('2024-03-11 4')).toEqual({
      customer_id: 4,
      feature_date: '2024-03-11',
      n_7d: 0,
      n_purchases_30d: 0,
      amount_sum_30d: 0,
      amount_avg_30d: null,
      amount_min_30d: null,
      amount_max_30d: null,
      amount_sd_30d: null,
      skus_30d: 0,
      recency_days: 51,
      weekend_share_30d: null,
      cancel_share_30d: null,
      top_country_30d: null,
      top_qty_30d: null,
      rfm_r: null,
      rfm_f: null,
      rfm_m: null,
      amount_per_purchase: null,
      active_7d: 0,
      amount_per_sku: null,
    });
    // The event at exactly D − 30 days 00:00 is inside the 30-day window; one second earlier is not.
    expect(at.get('2024-03-11 6')).toMatchObject({
      n_purchases_30d: 1,
      amount_sum_30d: 1,
      amount_sd_30d: null,
      recency_days: 30,
      weekend_share_30d: 1,
      rfm_r: 1,
      rfm_f: 1,
      rfm_m: 1,
    });
    // Five days earlier: only events before 2024-03-06 00:00.
    expect(at.get('2024-03-06 1')).toMatchObject({
      n_7d: 1,
      n_purchases_30d: 1,
      amount_sum_30d: 20,
      recency_days: 1,
      top_country_30d: 'FR',
    });
    expect(at.get('2024-03-06 2')).toMatchObject({ n_7d: 2, recency_days: 5 });
    expect(at.get('2024-03-06 6')).toMatchObject({ n_purchases_30d: 2, recency_days: 25 });
  });

  it('never counts an event stamped exactly at the feature date (as-of is D 00:00, exclusive)', async () => {
    const sql = compileFeatureSql(shopFeatures, {
      dialect: 'duckdb',
      source: 'events',
      featureDates: ['2024-03-12'],
    });
    const c1 = byKey(await run(sql)).get('2024-03-12 1') as Row;
    // A5 at 2024-03-11 00:00 (age 1) now counts; A6 at 2024-03-12 08:00 does not.
    expect(c1).toMatchObject({ n_7d: 4, recency_days: 1, amount_max_30d: 50 });
  });

  it('scores RFM in bins with ties sharing the lowest bin', async () => {
    const definition = parseFeatureSetDefinition({
      name: 'rfm_only',
      version: 1,
      source: {
        entityKey: 'customer',
        eventTime: 'ts',
        columns: { customer: 'int', ts: 'timestamp', price: 'double' },
      },
      entity: { name: 'customer_id' },
      features: [{ kind: 'rfm', name: 'rfm', windowDays: 30, monetary: { op: 'col', name: 'price' } }],
    });
    // Frequencies 1, 1, 2, 3, 4, 5 for customers 1…6, all on 2024-03-10 at price 1 per event.
    await createShopEvents(
      db,
      'rfm_events',
      [1, 1, 2, 3, 4, 5].flatMap((n, i) =>
        Array.from({ length: n }, () => ({
          customer: i + 1,
          ts: '2024-03-10 12:00:00',
          invoice: 'I',
          sku: 'S',
          qty: 1,
          price: 1,
          country: 'UK',
        })),
      ),
    );
    const rows = await run(
      compileFeatureSql(definition, {
        dialect: 'duckdb',
        source: 'rfm_events',
        featureDates: ['2024-03-11'],
      }),
    );
    // score = 1 + floor(5 (rank − 1) / 6) with ranks 1, 1, 3, 4, 5, 6; all recencies tie.
    expect(rows.map((r) => r.rfm_f)).toEqual([1, 1, 2, 3, 4, 5]);
    expect(rows.map((r) => r.rfm_m)).toEqual([1, 1, 2, 3, 4, 5]);
    expect(rows.map((r) => r.rfm_r)).toEqual([1, 1, 1, 1, 1, 1]);
  });
});

describe('compileLabelSql on DuckDB', () => {
  it('looks only at [D, D + horizon) for the feature population', async () => {
    const sql = compileLabelSql(shopLabels, {
      dialect: 'duckdb',
      source: 'events',
      featureDates: ['2024-03-11'],
    });
    expect(await run(sql)).toEqual([
      // A5 at D 00:00 and A6 at D + 1 count; customer 5 (no past event) is not in the population.
      {
        customer_id: 1,
        feature_date: '2024-03-11',
        purchases_next_7d: true,
        lines_next_7d: 2,
        amount_next_30d: 52,
      },
      // B2 at exactly D + 7 days is outside the 7-day horizon but inside the 30-day one.
      {
        customer_id: 2,
        feature_date: '2024-03-11',
        purchases_next_7d: false,
        lines_next_7d: 0,
        amount_next_30d: 14,
      },
      {
        customer_id: 4,
        feature_date: '2024-03-11',
        purchases_next_7d: false,
        lines_next_7d: 0,
        amount_next_30d: 0,
      },
      {
        customer_id: 6,
        feature_date: '2024-03-11',
        purchases_next_7d: false,
        lines_next_7d: 0,
        amount_next_30d: 0,
      },
    ]);
  });
});
