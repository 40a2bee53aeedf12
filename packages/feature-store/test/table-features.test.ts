import { beforeAll, describe, expect, it } from 'vitest';
import {
  appendData,
  defineFeatureView,
  getHistoricalFeatures,
  InvalidInputError,
  registerFeatureView,
  type Table,
} from '../src/index.js';
import { useTempWarehouse } from '../src/testing/temp-warehouse.js';

// getHistoricalFeatures over two registered feature views, against rows computed by hand: latest value at or
// before each spine time, within each view's TTL, never from the future; snapshots pinned and reported.

let daily: Table;
let profile: Table;

const customer = { name: 'customer', joinKeys: [{ name: 'customer_id', type: 'long' as const }] };
const dailyView = defineFeatureView({
  name: 'customer_daily',
  version: 1,
  entities: [customer],
  features: [{ name: 'spend', type: 'double', description: 'spend that day' }],
  ttl: 'P10D',
  owner: 'tests',
  description: 'daily spend',
});
const profileView = defineFeatureView({
  name: 'customer_profile',
  version: 1,
  entities: [customer],
  features: [{ name: 'tier', type: 'string', description: 'loyalty tier' }],
  ttl: 'P365D',
  owner: 'tests',
  description: 'loyalty profile',
});

const rows = (values: string[], columns: string) => ({
  kind: 'sql' as const,
  sql: `SELECT * FROM (VALUES ${values.join(', ')}) AS t(${columns})`,
});

const warehouse = useTempWarehouse('fti-table-features-', { now: () => 1_700_000_000_000 });

beforeAll(async () => {
  daily = await registerFeatureView(warehouse.env, dailyView);
  daily = await appendData(
    daily,
    rows(
      [
        `(1::BIGINT, DATE '2024-01-01', 10.0)`,
        `(1::BIGINT, DATE '2024-01-05', 15.0)`,
        `(1::BIGINT, DATE '2024-01-20', 50.0)`,
        `(2::BIGINT, DATE '2024-01-03', 7.0)`,
      ],
      'customer_id, feature_date, spend',
    ),
  );
  profile = await registerFeatureView(warehouse.env, profileView);
  profile = await appendData(
    profile,
    rows(
      [`(1::BIGINT, DATE '2023-06-01', 'gold')`, `(2::BIGINT, DATE '2024-01-15', 'silver')`],
      'customer_id, feature_date, tier',
    ),
  );
});

const SPINE = `(SELECT * FROM (VALUES
  (1, 1::BIGINT, DATE '2024-01-04'),
  (2, 1::BIGINT, DATE '2024-01-05'),
  (3, 1::BIGINT, DATE '2024-01-19'),
  (4, 2::BIGINT, DATE '2024-01-10'),
  (5, 3::BIGINT, DATE '2024-01-10'),
  (6, 1::BIGINT, DATE '2024-01-20')
) AS s(row_no, customer_id, as_of))`;

function frame(table: Awaited<ReturnType<typeof getHistoricalFeatures>>['table']) {
  return table.toArray().map((r) => {
    const row = r.toJSON() as Record<string, unknown>;
    return [
      Number(row.row_no),
      Number(row.customer_id),
      row.customer_daily__spend ?? null,
      row.customer_profile__tier ?? null,
    ];
  });
}

describe('getHistoricalFeatures', () => {
  it('joins two views point-in-time with TTL, one row per spine row in order, sources pinned', async () => {
    const result = await getHistoricalFeatures(warehouse.env, {
      spine: { kind: 'relation', relation: SPINE },
      keys: ['customer_id'],
      timestampColumn: 'as_of',
      views: [{ table: daily }, { table: profile }],
    });
    expect(frame(result.table)).toEqual([
      [1, 1, 10, 'gold'], // 01-01 is the latest at or before 01-04
      [2, 1, 15, 'gold'], // same-day value counts as known
      [3, 1, null, 'gold'], // 01-05 is 14 days old: past the 10-day TTL
      [4, 2, 7, null], // the 01-15 tier is in the future
      [5, 3, null, null], // unknown customer
      [6, 1, 50, 'gold'],
    ]);
    expect(result.sources).toEqual([
      {
        view: 'customer_daily',
        version: 1,
        table: 'features.customer_daily_v1',
        snapshotId: daily.loaded.metadata.currentSnapshotId,
      },
      {
        view: 'customer_profile',
        version: 1,
        table: 'features.customer_profile_v1',
        snapshotId: profile.loaded.metadata.currentSnapshotId,
      },
    ]);
  });

  it('reads a view at the pinned snapshot, not at a later commit', async () => {
    const pinned = daily.loaded.metadata.currentSnapshotId as bigint;
    const later = await appendData(
      daily,
      rows([`(1::BIGINT, DATE '2024-01-04', 99.0)`], 'customer_id, feature_date, spend'),
    );
    const at = (table: Table, snapshotId?: bigint) =>
      getHistoricalFeatures(warehouse.env, {
        spine: { kind: 'relation', relation: SPINE },
        keys: ['customer_id'],
        timestampColumn: 'as_of',
        views: [{ table, features: ['spend'], ...(snapshotId !== undefined ? { snapshotId } : {}) }],
      });
    const old = await at(later, pinned);
    expect(old.sources[0]?.snapshotId).toBe(pinned);
    const spend = old.table.getChild('customer_daily__spend');
    expect(spend ? [...spend] : undefined).toEqual([10, 15, null, 7, null, 50]);
    const now = await at(later);
    expect(now.sources[0]?.snapshotId).toBe(later.loaded.metadata.currentSnapshotId);
    expect(now.table.getChild('customer_daily__spend')?.get(0)).toBe(99);
  });
});

describe('registerFeatureView', () => {
  it('returns the same table for the same definition and rejects a changed one with the same version', async () => {
    const again = await registerFeatureView(warehouse.env, dailyView);
    expect(again.loaded.metadataLocation).toBe(
      (await warehouse.env.catalog.loadTable(daily.loaded.identifier)).metadataLocation,
    );
    const changed = defineFeatureView({
      name: 'customer_daily',
      version: 1,
      entities: [customer],
      features: [{ name: 'spend', type: 'double', description: 'spend that day, GBP' }],
      ttl: 'P10D',
      owner: 'tests',
      description: 'daily spend',
    });
    const before = await warehouse.env.catalog.loadTable(daily.loaded.identifier);
    const attempt = registerFeatureView(warehouse.env, changed);
    await expect(attempt).rejects.toThrow(InvalidInputError);
    await expect(attempt).rejects.toThrow(/`customer_daily` version 1 .*bump its version/);
    expect((await warehouse.env.catalog.loadTable(daily.loaded.identifier)).version).toBe(before.version);
    const bumped = await registerFeatureView(warehouse.env, { ...changed, version: 2 });
    expect(bumped.loaded.identifier).toEqual({ namespace: 'features', name: 'customer_daily_v2' });
  });
});
