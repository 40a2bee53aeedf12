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

  it('loads every row into 13 month partitions and joins one row per spine row', async () => {
    const first = await runLoop(config);
    const [tx, daily] = first.tables;
    expect(tx).toMatchObject({
      table: 'retail.transactions',
      snapshots: 1,
      partitions: 13,
      records: 541_909,
    });
    expect(daily).toMatchObject({ table: 'features.customer_daily_v1', snapshots: 1, partitions: 13 });
    expect(first.join.rows).toBe(200);
    expect(first.join.withFeatures).toBeGreaterThan(0);
    expect(first.join.withFeatures).toBeLessThan(200);
  });

  it('is idempotent: a second run overwrites the same partitions with the same rows', async () => {
    const second = await runLoop(config);
    const [tx, daily] = second.tables;
    expect(tx).toMatchObject({ snapshots: 2, operation: 'overwrite', partitions: 13, records: 541_909 });
    expect(daily?.snapshots).toBe(2);
    expect(daily?.operation).toBe('overwrite');
    expect(second.join.rows).toBe(200);
  });
});

describe('parseArgs', () => {
  it('reads --key value and --key=value into a validated config with defaults', () => {
    expect(parseArgs(['--warehouse', '/w', '--spine-size=50'])).toEqual({
      warehouse: '/w',
      transactions: 'examples/online-retail/data/online_retail.parquet',
      spineSize: 50,
    });
  });

  it('names the bad argument', () => {
    expect(() => parseArgs(['--spine-size', 'many'])).toThrow(/spineSize/);
    expect(() => parseArgs(['stray'])).toThrow(/unexpected argument `stray`/);
    expect(() => parseArgs(['--colour', 'red'])).toThrow(/colour/);
  });
});
