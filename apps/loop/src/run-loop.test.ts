import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LoopConfigSchema, parseArgs } from './config.js';
import { runLoop } from './run-loop.js';

const transactions = join(import.meta.dirname, '../../../examples/online-retail/data/online_retail.parquet');

describe('runLoop on the Online Retail data', async () => {
  const warehouse = await mkdtemp(join(tmpdir(), 'fti-loop-'));
  afterAll(() => rm(warehouse, { recursive: true, force: true }));
  const config = LoopConfigSchema.parse({ warehouse, transactions, spineSize: 200 });

  it('loads every row, runs the feature pipeline over 13 weekly dates and joins one row per spine row', async () => {
    const first = await runLoop(config);
    const [tx, features, labels] = first.tables;
    expect(tx).toMatchObject({
      table: 'retail.transactions',
      snapshots: 1,
      partitions: 13,
      records: 541_909,
    });
    // 13 Sundays 2011-09-04 … 2011-11-27 fall in three month partitions.
    expect(features).toMatchObject({
      table: 'features.customer_features_v1',
      snapshots: 1,
      partitions: 3,
      records: 49_702,
    });
    expect(labels).toMatchObject({ table: 'labels.customer_labels_v1', snapshots: 1, records: 49_702 });
    expect(first.features).toMatchObject({
      featureDates: 13,
      rows: 49_702,
      quarantined: 5_268,
      guestOrders: 135_080,
      // The distribution-shift check has no previous run yet.
      expectations: { passed: 6, failed: 0, skipped: 1 },
    });
    expect(first.join.rows).toBe(200);
    expect(first.join.withFeatures).toBeGreaterThan(100);
    expect(first.join.withFeatures).toBeLessThan(200);
    expect(first.join.sources).toEqual([`features.customer_features_v1@${features?.currentSnapshotId}`]);
  });

  it('is idempotent: a second run replaces the same partitions and dates with the same rows', async () => {
    const second = await runLoop(config);
    const [tx, features] = second.tables;
    expect(tx).toMatchObject({ snapshots: 2, operation: 'overwrite', partitions: 13, records: 541_909 });
    expect(features).toMatchObject({ snapshots: 2, operation: 'overwrite', partitions: 3, records: 49_702 });
    expect(second.features.expectations).toEqual({ passed: 7, failed: 0, skipped: 0 });
    expect(second.join.rows).toBe(200);
  });
});

describe('parseArgs', () => {
  it('reads --key value and --key=value into a validated config with defaults', () => {
    expect(parseArgs(['--warehouse', '/w', '--spine-size=50'])).toEqual({
      warehouse: '/w',
      transactions: 'examples/online-retail/data/online_retail.parquet',
      spineSize: 50,
      from: '2011-09-04',
      to: '2011-11-27',
      every: 7,
    });
  });

  it('names the bad argument', () => {
    expect(() => parseArgs(['--spine-size', 'many'])).toThrow(/spineSize/);
    expect(() => parseArgs(['stray'])).toThrow(/unexpected argument `stray`/);
    expect(() => parseArgs(['--colour', 'red'])).toThrow(/colour/);
  });
});
