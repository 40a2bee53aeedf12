import { assertWindow } from './assert-window.js';
import { hashRandom, type SqlRandom } from './sql-random.js';

/** Spending categories drawn uniformly for `category`. */
export const CATEGORIES = [
  'grocery',
  'electronics',
  'fashion',
  'home',
  'travel',
  'health',
  'entertainment',
  'fuel',
] as const;

/** Payment methods drawn uniformly for `payment_method`. */
export const PAYMENT_METHODS = ['card', 'cash', 'wallet', 'transfer'] as const;

/** Smallest and largest `amount` the generator emits. */
export const AMOUNT_RANGE = { min: 0.01, max: 10_000 } as const;

/** What to generate: the transactions schema (customer_id, ts, amount, category, payment_method). */
export interface TransactionsOptions {
  /** Number of rows (transactions). */
  rows: number;
  /** Customers to draw `customer_id` from: ids 1..customers. Default 200,000. */
  customers?: number;
  /** Seed of the default random source. Default 42. */
  seed?: number;
  /** First instant of `ts`, ISO date or timestamp (UTC, stored without zone). Default `2023-01-01`. */
  start?: string;
  /** Length of the `ts` window in days, `ts` in [start, start + days). Default 730 (two years). */
  days?: number;
  /** The pseudo-random source; injected for tests. Default `hashRandom(seed)`. */
  random?: SqlRandom;
}

/**
 * Builds the DuckDB `SELECT` that generates the transactions: `range(rows)` with hash-based randomness per
 * column, so DuckDB computes 10M rows in parallel in a second or two. Row i is the same for a given seed
 * whatever `rows` is, so a small file is a prefix of a large one.
 *
 * Columns: `customer_id` BIGINT in [1, customers]; `ts` TIMESTAMP (µs) uniform in the window; `amount`
 * DOUBLE log-normal (median about 20) rounded to cents, clamped to {@link AMOUNT_RANGE}; `category` and
 * `payment_method` VARCHAR from {@link CATEGORIES} and {@link PAYMENT_METHODS}. No nulls.
 */
export function transactionsSql(options: TransactionsOptions): string {
  const { rows, customers = 200_000, seed = 42, start = '2023-01-01', days = 730 } = options;
  assertWindow({ rows, customers, days, start });
  const random = options.random ?? hashRandom(seed);
  const u = (stream: number) => random('i', stream);
  const spanMicros = BigInt(days) * 86_400_000_000n;
  const pick = (values: readonly string[], stream: number) =>
    `[${values.map((value) => `'${value}'`).join(', ')}][1 + least(floor(${u(stream)} * ${values.length}), ${values.length - 1})::INTEGER]`;
  // Box-Muller: a standard normal from two uniforms; 1 - u keeps ln() away from 0.
  const normal = `(sqrt(-2 * ln(1 - ${u(3)})) * cos(2 * pi() * ${u(4)}))`;
  return `SELECT
  (1 + least(floor(${u(1)} * ${customers}), ${customers - 1}))::BIGINT AS customer_id,
  TIMESTAMP '${start}' + to_microseconds(least(floor(${u(2)} * ${spanMicros}), ${spanMicros - 1n})::BIGINT) AS ts,
  least(greatest(round(exp(3 + ${normal}), 2), ${AMOUNT_RANGE.min}), ${AMOUNT_RANGE.max})::DOUBLE AS amount,
  ${pick(CATEGORIES, 5)} AS category,
  ${pick(PAYMENT_METHODS, 6)} AS payment_method
FROM range(${rows}) AS r(i)`;
}
