import { type DuckDBAppender, DuckDBTimestampValue } from '@duckdb/node-api';
import type { DuckDb } from './duck-db.js';
import { quoteIdentifier } from './sql-quote.js';

type RowType = 'DOUBLE' | 'BIGINT' | 'VARCHAR' | 'BOOLEAN' | 'TIMESTAMP' | 'BLOB';

/**
 * Copies plain JS row objects into a new DuckDB temp table (a small-data convenience). Each column's type is
 * inferred from its values: numbers → `DOUBLE`, bigints → `BIGINT`, strings, booleans, `Date` → `TIMESTAMP`
 * (UTC), bytes → `BLOB`; a column mixing kinds becomes `VARCHAR` so the write's validation can name the value
 * that does not fit. Keys missing from a row are nulls.
 */
export async function loadRows(options: {
  db: DuckDb;
  rows: readonly Record<string, unknown>[];
  tableName: string;
}): Promise<void> {
  const { db, rows, tableName } = options;
  const types = new Map<string, RowType | undefined>();
  for (const row of rows) {
    for (const [key, value] of Object.entries(row)) {
      const kind = value === null || value === undefined ? undefined : kindOf(value);
      const seen = types.get(key);
      if (!types.has(key) || seen === undefined) types.set(key, kind);
      else if (kind !== undefined && kind !== seen) types.set(key, 'VARCHAR');
    }
  }
  const names = [...types.keys()];
  const columnTypes = names.map((name) => types.get(name) ?? 'VARCHAR');
  const columnsSql = names.map((n, i) => `${quoteIdentifier(n)} ${columnTypes[i]}`).join(', ');
  await db.run(`CREATE TEMP TABLE ${quoteIdentifier(tableName)} (${columnsSql || '"__empty" INTEGER'})`);
  if (names.length === 0 || rows.length === 0) return;
  const appender = await db.connection.createAppender(tableName, 'main', 'temp');
  try {
    for (const row of rows) {
      for (let c = 0; c < names.length; c++)
        append(appender, columnTypes[c] as RowType, row[names[c] as string]);
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}

function kindOf(value: unknown): RowType {
  if (typeof value === 'number') return 'DOUBLE';
  if (typeof value === 'bigint') return 'BIGINT';
  if (typeof value === 'boolean') return 'BOOLEAN';
  if (value instanceof Date) return 'TIMESTAMP';
  if (value instanceof Uint8Array) return 'BLOB';
  return 'VARCHAR';
}

function append(appender: DuckDBAppender, type: RowType, value: unknown): void {
  if (value === null || value === undefined) {
    appender.appendNull();
    return;
  }
  switch (type) {
    case 'DOUBLE':
      appender.appendDouble(value as number);
      return;
    case 'BIGINT':
      appender.appendBigInt(value as bigint);
      return;
    case 'BOOLEAN':
      appender.appendBoolean(value as boolean);
      return;
    case 'TIMESTAMP':
      appender.appendTimestamp(new DuckDBTimestampValue(BigInt((value as Date).getTime()) * 1000n));
      return;
    case 'BLOB':
      appender.appendBlob(value as Uint8Array);
      return;
    case 'VARCHAR':
      appender.appendVarchar(value instanceof Date ? value.toISOString() : String(value));
      return;
  }
}
