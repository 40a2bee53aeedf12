/**
 * Builds a SQL expression of a pseudo-random DOUBLE in [0, 1) for one row and one independent stream, so a
 * generator can draw several values per row (`stream` 1 for the customer, 2 for the time, ...).
 * `row` is a SQL expression of the row number (BIGINT).
 */
export type SqlRandom = (row: string, stream: number) => string;

/**
 * The default {@link SqlRandom}: DuckDB's 64-bit `hash` of the row number xored with a per-(seed, stream) key,
 * hashed again, top 53 bits scaled to [0, 1). Deterministic for a given seed and DuckDB version, and
 * evaluated by DuckDB in parallel (no JS loop). Hashing one value at a time matters: DuckDB's multi-argument
 * `hash(a, b, c)` combines weakly, and streams drawn that way correlate (r ≈ 0.6).
 * @param seed Any integer; the same seed gives the same values.
 */
export function hashRandom(seed: number): SqlRandom {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
  return (row, stream) => {
    const key = `hash(xor(hash(${seed}::BIGINT), ${stream}::UBIGINT))`;
    return `((hash(xor(hash(${row}), ${key})) >> 11)::DOUBLE / 9007199254740992.0)`;
  };
}
