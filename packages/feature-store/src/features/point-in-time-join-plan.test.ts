import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { defineFeatureView } from './feature-view.js';
import { planPointInTimeJoin } from './point-in-time-join-plan.js';

const spend = defineFeatureView({
  name: 'customer_spend',
  version: 1,
  entities: [{ name: 'customer', joinKeys: [{ name: 'customer_id', type: 'long' }] }],
  features: [
    { name: 'spend', type: 'double', description: 'spend' },
    { name: 'orders', type: 'int', description: 'orders' },
  ],
  ttl: 'P90D',
  owner: 'growth',
  description: 'spend',
});
const visits = defineFeatureView({
  name: 'store_visits',
  version: 3,
  entities: [
    { name: 'customer', joinKeys: [{ name: 'customer_id', type: 'long' }] },
    { name: 'store', joinKeys: [{ name: 'store_id', type: 'string' }] },
  ],
  eventTimeColumn: 'event_ts',
  eventTimeType: 'timestamp',
  features: [{ name: 'visits', type: 'long', description: 'visits' }],
  ttl: 'PT12H',
  owner: 'ops',
  description: 'visits',
});
const spine = {
  relation: "read_parquet(['spine.parquet'])",
  keys: ['customer_id', 'store_id'],
  timestampColumn: 'ts',
};

describe('planPointInTimeJoin', () => {
  it('plans one ASOF LEFT JOIN per view, TTLs in microseconds, ordered by spine row', () => {
    const plan = planPointInTimeJoin({
      spine,
      views: [
        { view: spend, relation: 'spend_table' },
        { view: visits, relation: '(SELECT * FROM visits_table)', tieBreaker: 'seq' },
      ],
    });
    expect(plan.outputColumns).toEqual([
      { name: 'customer_spend__spend', view: 'customer_spend', feature: 'spend', type: 'double' },
      { name: 'customer_spend__orders', view: 'customer_spend', feature: 'orders', type: 'int' },
      { name: 'store_visits__visits', view: 'store_visits', feature: 'visits', type: 'long' },
    ]);
    expect(plan.sql.match(/ASOF LEFT JOIN/g)).toHaveLength(2);
    expect(plan.sql).toContain(
      'ASOF LEFT JOIN __fti_v0 ON __fti_s."customer_id" = __fti_v0."customer_id" AND __fti_s.__fti_t >= __fti_v0.__fti_t',
    );
    expect(plan.sql).toContain(
      `__fti_s."store_id" = __fti_v1."store_id" AND {'t': __fti_s.__fti_t, 'w': NULL} >= __fti_v1.__fti_o`,
    );
    // 90 days and 12 hours in µs; the window is (t - ttl, t].
    expect(plan.sql).toContain('__fti_v0.__fti_t > __fti_s.__fti_t - 7776000000000 THEN');
    expect(plan.sql).toContain('__fti_v1.__fti_t > __fti_s.__fti_t - 43200000000 THEN');
    expect(plan.sql).toContain("FROM read_parquet(['spine.parquet'])");
    expect(plan.sql.trimEnd().endsWith('ORDER BY __fti_s.__fti_row')).toBe(true);
  });

  it('selects the requested features in the requested order', () => {
    const plan = planPointInTimeJoin({
      spine,
      views: [{ view: spend, relation: 'spend_table', features: ['orders', 'spend'] }],
      naming: 'plain',
    });
    expect(plan.outputColumns.map((c) => c.name)).toEqual(['orders', 'spend']);
    expect(plan.sql.indexOf('"orders" AS __fti_f0')).toBeGreaterThan(0);
  });

  it.each([
    [{ views: [] }, /request at least one feature view/],
    [
      {
        views: [
          { view: spend, relation: 'a' },
          { view: spend, relation: 'b' },
        ],
      },
      /view `customer_spend` is requested twice/,
    ],
    [
      { spine: { ...spine, keys: ['customer_id'] } },
      /joins on `store_id`, which is not among the spine keys/,
    ],
    [{ spine: { ...spine, keys: ['customer_id', 'customer_id'] } }, /spine keys repeat a column/],
    [
      { spine: { ...spine, columns: ['customer_id', 'store_id', 'ts', '__fti_row'] } },
      /reserved prefix __fti_/,
    ],
    [{ spine: { ...spine, columns: ['customer_id', 'ts'] } }, /spine has no column `store_id`/],
    [
      { spine: { ...spine, columns: ['customer_id', 'store_id', 'ts', 'store_visits__visits'] } },
      /`store_visits__visits` of view `store_visits` collides with spine column/,
    ],
  ])('rejects %#', (change, message) => {
    const options = { spine, views: [{ view: visits, relation: 'v' }], ...change };
    expect(() => planPointInTimeJoin(options)).toThrow(InvalidInputError);
    expect(() => planPointInTimeJoin(options)).toThrow(message);
  });
});
