import { type TransactionsOptions, transactionsSql } from './transactions-sql.js';

/** What to generate: a spine of (customer_id, ts) query points for a point-in-time join. */
export interface SpineOptions extends Omit<TransactionsOptions, 'seed'> {
  /** Seed of the default random source; use another seed than the transactions'. Default 7. */
  seed?: number;
}

/**
 * Builds the DuckDB `SELECT` of a spine: the `customer_id` and `ts` columns of `transactionsSql` for the
 * spine's own seed (DuckDB computes only those two), so it is deterministic and spans the same window.
 */
export function spineSql(options: SpineOptions): string {
  return `SELECT customer_id, ts FROM (${transactionsSql({ ...options, seed: options.seed ?? 7 })})`;
}
