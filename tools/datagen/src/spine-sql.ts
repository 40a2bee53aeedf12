import { assertWindow } from './assert-window.js';
import { hashRandom, type SqlRandom } from './sql-random.js';

/** What to generate: a spine of (customer_id, ts) query points for a point-in-time join. */
export interface SpineOptions {
  /** Number of spine rows. */
  rows: number;
  /** Customers to draw `customer_id` from: ids 1..customers. Default 200,000. */
  customers?: number;
  /** Seed of the default random source; use another seed than the transactions'. Default 7. */
  seed?: number;
  /** First instant of `ts`. Default `2023-01-01`. */
  start?: string;
  /** Length of the `ts` window in days. Default 730. */
  days?: number;
  /** The pseudo-random source; injected for tests. Default `hashRandom(seed)`. */
  random?: SqlRandom;
}

/**
 * Builds the DuckDB `SELECT` of a spine: `customer_id` BIGINT in [1, customers] and `ts` TIMESTAMP uniform in
 * the window, hash-based like `transactionsSql` so it is deterministic for a seed.
 */
export function spineSql(options: SpineOptions): string {
  const { rows, customers = 200_000, seed = 7, start = '2023-01-01', days = 730 } = options;
  assertWindow({ rows, customers, days, start });
  const random = options.random ?? hashRandom(seed);
  const spanMicros = BigInt(days) * 86_400_000_000n;
  return `SELECT
  (1 + least(floor(${random('i', 1)} * ${customers}), ${customers - 1}))::BIGINT AS customer_id,
  TIMESTAMP '${start}' + to_microseconds(least(floor(${random('i', 2)} * ${spanMicros}), ${spanMicros - 1n})::BIGINT) AS ts
FROM range(${rows}) AS r(i)`;
}
