import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spineSql } from './spine-sql.js';
import { AMOUNT_RANGE, CATEGORIES, PAYMENT_METHODS, transactionsSql } from './transactions-sql.js';
import { writeParquet } from './write-parquet.js';

let dir: string;
let connection: DuckDBConnection;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'fti-datagen-'));
  connection = await (await DuckDBInstance.create(':memory:')).connect();
});

afterAll(() => {
  connection.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

async function write(name: string, sql: string): Promise<{ file: string; sha256: string; rows: number }> {
  const file = path.join(dir, name);
  const rows = await writeParquet({ connection, sql, out: file });
  return { file, rows, sha256: createHash('sha256').update(readFileSync(file)).digest('hex') };
}

async function queryOne(sql: string): Promise<Record<string, unknown>> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJS()[0] ?? {};
}

describe('transactionsSql + writeParquet', () => {
  it('is deterministic: the same seed gives the same file bytes, another seed other data', async () => {
    const first = await write('a.parquet', transactionsSql({ rows: 200_000, customers: 5_000, seed: 42 }));
    const again = await write('b.parquet', transactionsSql({ rows: 200_000, customers: 5_000, seed: 42 }));
    const other = await write('c.parquet', transactionsSql({ rows: 200_000, customers: 5_000, seed: 43 }));
    expect(first.rows).toBe(200_000);
    expect(again.sha256).toBe(first.sha256);
    expect(other.sha256).not.toBe(first.sha256);
    // Whole cents, not sum(amount): a parallel DOUBLE sum depends on the threads' order in its last bits.
    const aggregates = (file: string) =>
      queryOne(
        `SELECT sum(customer_id) AS customers, sum(epoch_us(ts)) AS micros, sum(round(amount * 100)::BIGINT) AS cents FROM '${file}'`,
      );
    expect(await aggregates(again.file)).toEqual(await aggregates(first.file));
    expect(await aggregates(other.file)).not.toEqual(await aggregates(first.file));
  });

  it('keeps every column in its range, with no nulls and every category and payment method drawn', async () => {
    const { file } = await write(
      'ranges.parquet',
      transactionsSql({ rows: 100_000, customers: 1_000, seed: 1, start: '2024-03-01', days: 31 }),
    );
    const stats = await queryOne(`SELECT count(*)::INTEGER AS n,
      count(customer_id)::INTEGER AS customer_ids, min(customer_id)::INTEGER AS min_customer,
      max(customer_id)::INTEGER AS max_customer, count(DISTINCT customer_id)::INTEGER AS distinct_customers,
      min(ts) >= TIMESTAMP '2024-03-01' AND max(ts) < TIMESTAMP '2024-04-01' AS ts_in_window,
      min(amount) AS min_amount, max(amount) AS max_amount,
      bool_and(round(amount, 2) = amount) AS whole_cents,
      list_sort(list_distinct(list(category))) AS categories,
      list_sort(list_distinct(list(payment_method))) AS payment_methods,
      count(category)::INTEGER + count(payment_method)::INTEGER + count(ts)::INTEGER + count(amount)::INTEGER AS non_null
      FROM '${file}'`);
    expect(stats).toMatchObject({
      n: 100_000,
      customer_ids: 100_000,
      min_customer: 1,
      max_customer: 1_000,
      distinct_customers: 1_000,
      ts_in_window: true,
      whole_cents: true,
      categories: [...CATEGORIES].sort(),
      payment_methods: [...PAYMENT_METHODS].sort(),
      non_null: 400_000,
    });
    expect(stats.min_amount).toBeGreaterThanOrEqual(AMOUNT_RANGE.min);
    expect(stats.max_amount).toBeLessThanOrEqual(AMOUNT_RANGE.max);
  });

  it('maps the extremes of an injected random source onto the edges of each range', async () => {
    const lowest = await queryOne(
      `SELECT * FROM (${transactionsSql({ rows: 1, customers: 50, start: '2024-01-01', days: 10, random: () => '0.0' })})`,
    );
    expect(lowest).toEqual({
      customer_id: 1n,
      ts: new Date('2024-01-01T00:00:00Z'),
      amount: 20.09, // exp(3): the median of the log-normal
      category: CATEGORIES[0],
      payment_method: PAYMENT_METHODS[0],
    });
    const highest = await queryOne(
      `SELECT customer_id, epoch_us(ts) AS micros, amount, category, payment_method FROM (${transactionsSql({
        rows: 1,
        customers: 50,
        start: '2024-01-01',
        days: 10,
        random: () => '0.9999999999999999',
      })})`,
    );
    expect(highest).toEqual({
      customer_id: 50n,
      micros: BigInt(Date.parse('2024-01-11T00:00:00Z')) * 1000n - 1n,
      amount: AMOUNT_RANGE.max,
      category: CATEGORIES.at(-1),
      payment_method: PAYMENT_METHODS.at(-1),
    });
  });

  it('makes a small file a prefix of a large one with the same seed', async () => {
    const small = await write('small.parquet', transactionsSql({ rows: 1_000, seed: 9 }));
    const large = await write('large.parquet', transactionsSql({ rows: 5_000, seed: 9 }));
    const differing = await queryOne(`SELECT count(*)::INTEGER AS n FROM (
      SELECT * FROM '${small.file}' EXCEPT ALL SELECT * FROM (SELECT * FROM '${large.file}' LIMIT 1000))`);
    expect(differing).toEqual({ n: 0 });
  });

  it('rejects options that cannot describe a data set, naming the option', () => {
    expect(() => transactionsSql({ rows: -1 })).toThrow('rows must be a positive integer, got -1');
    expect(() => transactionsSql({ rows: 10, customers: 0 })).toThrow('customers must be a positive integer');
    expect(() => transactionsSql({ rows: 10, days: 1.5 })).toThrow('days must be a positive integer');
    expect(() => transactionsSql({ rows: 10, start: "2024'; DROP" })).toThrow('start must be an ISO date');
  });
});

describe('spineSql', () => {
  it('draws deterministic (customer_id, ts) points within the window', async () => {
    const sql = spineSql({ rows: 50_000, customers: 300, seed: 3, start: '2023-06-01', days: 30 });
    const first = await write('spine-a.parquet', sql);
    const again = await write('spine-b.parquet', sql);
    expect(again.sha256).toBe(first.sha256);
    const stats = await queryOne(`SELECT count(*)::INTEGER AS n, min(customer_id)::INTEGER AS lo,
      max(customer_id)::INTEGER AS hi, min(ts) >= TIMESTAMP '2023-06-01' AND max(ts) < TIMESTAMP '2023-07-01' AS in_window
      FROM '${first.file}'`);
    expect(stats).toEqual({ n: 50_000, lo: 1, hi: 300, in_window: true });
  });
});
