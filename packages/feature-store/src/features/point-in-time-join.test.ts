import type * as arrow from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDb } from '../engine/duck-db.js';
import { InvalidInputError } from '../errors.js';
import { defineEntity } from './entity.js';
import { defineFeatureView } from './feature-view.js';
import { runPointInTimeJoin } from './point-in-time-join.js';

const customer = defineEntity({ name: 'customer', joinKeys: [{ name: 'customer_id', type: 'long' }] });
const store = defineEntity({ name: 'store', joinKeys: [{ name: 'store_id', type: 'string' }] });

/** Daily spend per customer, valid for two days: at spine time t, rows with t - 2 days < feature_date <= t count. */
const spend = defineFeatureView({
  name: 'customer_spend',
  version: 1,
  entities: [customer],
  features: [
    { name: 'spend', type: 'double', description: 'spend that day' },
    { name: 'orders', type: 'int', description: 'orders that day' },
  ],
  ttl: 'P2D',
  owner: 'growth',
  description: 'daily spend',
});

const profile = defineFeatureView({
  name: 'customer_profile',
  version: 1,
  entities: [customer],
  eventTimeColumn: 'updated_at',
  eventTimeType: 'timestamp',
  features: [{ name: 'segment', type: 'string', description: 'marketing segment' }],
  ttl: 'P365D',
  owner: 'growth',
  description: 'profile',
});

const storeSales = defineFeatureView({
  name: 'store_sales',
  version: 1,
  entities: [store],
  features: [{ name: 'spend', type: 'double', description: 'store sales that day' }],
  ttl: 'P7D',
  owner: 'ops',
  description: 'daily sales per store',
});

let db: DuckDb;

function column(table: arrow.Table, name: string): unknown[] {
  const vector = table.getChild(name);
  if (!vector)
    throw new Error(`no column ${name}; have ${table.schema.fields.map((f) => f.name).join(', ')}`);
  return Array.from({ length: table.numRows }, (_, i) => vector.get(i));
}

beforeAll(async () => {
  db = await DuckDb.open({ threads: 2 });
  await db.run(`
    CREATE TABLE spend AS SELECT customer_id::BIGINT AS customer_id, feature_date::DATE AS feature_date,
      spend::DOUBLE AS spend, orders::INTEGER AS orders
    FROM (VALUES
      (1, '2024-01-01', 10, 1), (1, '2024-01-03', 30, 3), (1, '2024-01-10', 100, 10),
      (2, '2024-01-05', 5, 1), (3, '2024-01-01', NULL, NULL)
    ) t(customer_id, feature_date, spend, orders);
    CREATE TABLE profile AS SELECT customer_id::INTEGER AS customer_id, updated_at::TIMESTAMP AS updated_at, segment
    FROM (VALUES (1, '2023-06-01 08:00:00', 'new'), (1, '2024-01-04 12:00:00', 'loyal'), (2, '2023-12-31 23:00:00', 'vip'))
      t(customer_id, updated_at, segment);
    CREATE TABLE store_sales AS SELECT store_id, feature_date::DATE AS feature_date, spend::DOUBLE AS spend
    FROM (VALUES ('s1', '2024-01-01', 1000), ('s2', '2024-01-04', 2000)) t(store_id, feature_date, spend);
    CREATE TABLE spine AS SELECT customer_id::BIGINT AS customer_id, store_id, ts::TIMESTAMP AS ts, label::INTEGER AS label
    FROM (VALUES
      (1, 's1', '2024-01-03 00:00:00', 0),
      (1, 's1', '2024-01-02 23:59:59', 1),
      (1, 's2', '2024-01-05 00:00:00', 0),
      (1, 's2', '2024-01-04 23:59:59.999999', 1),
      (2, 's1', '2024-01-04 00:00:00', 0),
      (9, 's9', '2024-01-05 00:00:00', 1),
      (NULL, 's1', '2024-01-05 00:00:00', 0),
      (1, NULL, NULL, 1),
      (3, 's1', '2024-01-02 00:00:00', 0),
      (1, 's2', '2024-01-10 12:00:00', 1),
      (1, 's1', '2024-01-03 00:00:00', 0)
    ) t(customer_id, store_id, ts, label);
  `);
});

afterAll(() => db.close());

const spine = { relation: 'spine', keys: ['customer_id', 'store_id'], timestampColumn: 'ts' };

describe('runPointInTimeJoin', () => {
  it('returns the latest value with t - ttl < event time <= t, one row per spine row in order', async () => {
    const table = await runPointInTimeJoin({
      connection: db.connection,
      spine,
      views: [{ view: spend, relation: 'spend' }],
    });
    expect(table.schema.fields.map((f) => f.name)).toEqual([
      'customer_id',
      'store_id',
      'ts',
      'label',
      'customer_spend__spend',
      'customer_spend__orders',
    ]);
    expect(column(table, 'label')).toEqual([0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0]);
    expect(column(table, 'customer_spend__spend')).toEqual([
      30, // stamped exactly at t: included
      10, // 01-01 is 2 days minus a second before t: still valid
      null, // latest is 01-03, exactly ttl before t: expired
      30, // a microsecond short of expiry
      null, // customer 2's only row (01-05) is in the future
      null, // unknown key
      null, // null key
      null, // null timestamp
      null, // a row exists but its value is null
      100,
      30, // repeated spine rows each get their own output row
    ]);
    expect(column(table, 'customer_spend__orders')).toEqual([
      3,
      1,
      null,
      3,
      null,
      null,
      null,
      null,
      null,
      10,
      3,
    ]);
  });

  it('joins several views, each on its own keys and ttl, with prefixed names', async () => {
    const table = await runPointInTimeJoin({
      connection: db.connection,
      spine,
      views: [
        { view: spend, relation: 'spend', features: ['spend'] },
        { view: profile, relation: 'profile' },
        { view: storeSales, relation: 'store_sales' },
      ],
    });
    expect(table.numRows).toBe(11);
    expect(column(table, 'customer_spend__spend')).toEqual([
      30,
      10,
      null,
      30,
      null,
      null,
      null,
      null,
      null,
      100,
      30,
    ]);
    expect(column(table, 'customer_profile__segment')).toEqual([
      'new',
      'new',
      'loyal',
      'loyal',
      'vip',
      null,
      null,
      null,
      null,
      'loyal',
      'new',
    ]);
    expect(column(table, 'store_sales__spend')).toEqual([
      1000,
      1000,
      2000,
      2000,
      1000,
      null,
      1000,
      null,
      1000,
      2000,
      1000,
    ]);
  });

  it('uses plain feature names when asked, and rejects plain names that collide', async () => {
    const table = await runPointInTimeJoin({
      connection: db.connection,
      spine,
      views: [
        { view: spend, relation: 'spend', features: ['orders'] },
        { view: profile, relation: 'profile' },
      ],
      naming: 'plain',
    });
    expect(table.schema.fields.map((f) => f.name).slice(4)).toEqual(['orders', 'segment']);
    await expect(
      runPointInTimeJoin({
        connection: db.connection,
        spine,
        views: [
          { view: spend, relation: 'spend' },
          { view: storeSales, relation: 'store_sales' },
        ],
        naming: 'plain',
      }),
    ).rejects.toThrow(
      /output column `spend` of view `store_sales` collides with feature `spend` of view `customer_spend`/,
    );
    await expect(
      runPointInTimeJoin({
        connection: db.connection,
        spine: { ...spine, relation: '(SELECT *, 1 AS orders FROM spine)' },
        views: [{ view: spend, relation: 'spend' }],
        naming: 'plain',
      }),
    ).rejects.toThrow(/`orders` of view `customer_spend` collides with spine column `orders`/);
  });

  it('breaks ties on equal keys and event time by the greatest tie-breaker, a null counting as greatest', async () => {
    await db.run(`
      CREATE TEMP TABLE ties AS SELECT customer_id::BIGINT AS customer_id, feature_date::DATE AS feature_date,
        spend::DOUBLE AS spend, orders::INTEGER AS orders, seq::BIGINT AS seq
      FROM (VALUES (1, '2024-01-03', 1, 1, 7), (1, '2024-01-03', 2, 2, 9), (1, '2024-01-03', 3, 3, 8),
                   (2, '2024-01-03', 4, 4, 5), (2, '2024-01-03', 5, 5, NULL), (2, '2024-01-03', 6, 6, 6))
        t(customer_id, feature_date, spend, orders, seq);
      CREATE TEMP TABLE tie_spine AS SELECT * FROM (VALUES (1::BIGINT, DATE '2024-01-03'), (2, DATE '2024-01-04'),
        (1, DATE '2024-01-02')) t(customer_id, day);
    `);
    const tieSpine = { relation: 'tie_spine', keys: ['customer_id'], timestampColumn: 'day' };
    const table = await runPointInTimeJoin({
      connection: db.connection,
      spine: tieSpine,
      views: [{ view: spend, relation: 'ties', features: ['spend'], tieBreaker: 'seq' }],
    });
    expect(column(table, 'customer_spend__spend')).toEqual([2, 5, null]);
    await expect(
      runPointInTimeJoin({
        connection: db.connection,
        spine: tieSpine,
        views: [{ view: spend, relation: 'ties' }],
        checkUniqueness: true,
      }),
    ).rejects.toThrow(
      /view `customer_spend` has 3 rows for the same keys and event time .*pass a tieBreaker/,
    );
    // The check passes on a relation without ties.
    const unique = await runPointInTimeJoin({
      connection: db.connection,
      spine: tieSpine,
      views: [{ view: spend, relation: 'spend', features: ['spend'] }],
      checkUniqueness: true,
    });
    expect(column(unique, 'customer_spend__spend')).toEqual([30, null, 10]);
  });

  it('compares DATE, TIMESTAMP and TIMESTAMPTZ times as UTC microseconds, dates at midnight', async () => {
    await db.run(`
      CREATE TEMP TABLE date_spine AS SELECT * FROM (VALUES (1::BIGINT, DATE '2024-01-04', TIMESTAMPTZ '2024-01-04 01:00:00+01'),
        (2::BIGINT, DATE '2024-01-01', TIMESTAMPTZ '2024-01-01 00:59:59+01')) t(customer_id, day, instant);
    `);
    // Profile of customer 1 was updated 2024-01-04 12:00: not yet at the date 2024-01-04 (midnight).
    const byDate = await runPointInTimeJoin({
      connection: db.connection,
      spine: { relation: 'date_spine', keys: ['customer_id'], timestampColumn: 'day' },
      views: [
        { view: profile, relation: 'profile' },
        { view: spend, relation: 'spend', features: ['spend'] },
      ],
    });
    expect(column(byDate, 'customer_profile__segment')).toEqual(['new', 'vip']);
    expect(column(byDate, 'customer_spend__spend')).toEqual([30, null]);
    // 01:00+01 is midnight UTC; the second instant is 2023-12-31 23:59:59 UTC, just after the vip update.
    const byInstant = await runPointInTimeJoin({
      connection: db.connection,
      spine: { relation: 'date_spine', keys: ['customer_id'], timestampColumn: 'instant' },
      views: [
        { view: profile, relation: 'profile' },
        { view: spend, relation: 'spend', features: ['spend'] },
      ],
    });
    expect(column(byInstant, 'customer_profile__segment')).toEqual(['new', 'vip']);
    expect(column(byInstant, 'customer_spend__spend')).toEqual([30, null]);
  });

  it('rejects a join key whose type differs between spine and view, naming the key', async () => {
    const error = await runPointInTimeJoin({
      connection: db.connection,
      spine: {
        ...spine,
        relation: '(SELECT * REPLACE (CAST(customer_id AS VARCHAR) AS customer_id) FROM spine)',
      },
      views: [{ view: spend, relation: 'spend' }],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).column).toBe('customer_id');
    expect((error as Error).message).toMatch(
      /key `customer_id` is VARCHAR in the spine but BIGINT in view `customer_spend`/,
    );
  });

  it.each([
    [
      { timestampColumn: 'label' },
      [],
      /column `label` of the spine is INTEGER; it must be a DATE, TIMESTAMP or TIMESTAMPTZ/,
    ],
    [{ timestampColumn: 'when' }, [], /the spine has no column `when`/],
    [{ keys: ['store_id'] }, [], /joins on `customer_id`, which is not among the spine keys \(store_id\)/],
    [{}, ['nope'], /view `customer_spend` has no feature `nope` \(it has spend, orders\)/],
    [{}, ['spend', 'spend'], /feature `spend` of view `customer_spend` is requested twice/],
  ])('rejects a bad request: %j %j', async (spineChange, features, message) => {
    const error = await runPointInTimeJoin({
      connection: db.connection,
      spine: { ...spine, ...spineChange },
      views: [{ view: spend, relation: 'spend', ...(features.length ? { features } : {}) }],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toMatch(message);
  });

  it('rejects a view relation missing a feature column, naming it', async () => {
    await expect(
      runPointInTimeJoin({
        connection: db.connection,
        spine,
        views: [{ view: spend, relation: '(SELECT customer_id, feature_date, spend FROM spend)' }],
      }),
    ).rejects.toThrow(/view `customer_spend` has no column `orders`/);
  });
});
