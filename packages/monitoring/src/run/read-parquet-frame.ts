import { type DuckDb, quoteIdentifier, quoteLiteral } from '@fti/feature-store';
import type { Frame } from './frame.js';
import { readSqlColumns } from './read-sql-columns.js';

/** DuckDB column types as the feature store names them (Iceberg primitive names). */
const TYPE_NAMES: Record<string, string> = {
  DOUBLE: 'double',
  FLOAT: 'float',
  BIGINT: 'long',
  HUGEINT: 'long',
  INTEGER: 'int',
  SMALLINT: 'int',
  TINYINT: 'int',
  UBIGINT: 'long',
  UINTEGER: 'long',
  USMALLINT: 'int',
  UTINYINT: 'int',
  VARCHAR: 'string',
  BOOLEAN: 'boolean',
  DATE: 'date',
  TIMESTAMP: 'timestamp',
  'TIMESTAMP WITH TIME ZONE': 'timestamptz',
};
const NUMERIC = new Set(['double', 'float', 'long', 'int']);

/**
 * Reads a local Parquet file as one side of a monitoring run: every column except `exclude`, numbers as
 * doubles (null → NaN), everything else as categories; optionally only the rows whose `where.column` equals
 * `where.value`.
 */
export async function readParquetFrame(options: {
  db: DuckDb;
  path: string;
  description: string;
  /** Columns left out of the frame and its types; default none. */
  exclude?: string[];
  where?: { column: string; value: string };
}): Promise<Frame> {
  const { db } = options;
  const relation = `read_parquet(${quoteLiteral(options.path)})`;
  const described = await db.query(`DESCRIBE SELECT * FROM ${relation}`);
  const types: Record<string, string> = {};
  for (const row of described) {
    const duckType = String(row.column_type);
    types[String(row.column_name)] = duckType.startsWith('DECIMAL')
      ? 'double'
      : (TYPE_NAMES[duckType] ?? duckType.toLowerCase());
  }
  const exclude = new Set(options.exclude ?? []);
  const columns = Object.keys(types).filter((c) => !exclude.has(c));
  const numeric = new Set(columns.filter((c) => NUMERIC.has(types[c]!)));
  const select = columns.map((c) => {
    const q = quoteIdentifier(c);
    return numeric.has(c) ? `CAST(${q} AS DOUBLE) AS ${q}` : `CAST(${q} AS VARCHAR) AS ${q}`;
  });
  const where = options.where
    ? ` WHERE ${quoteIdentifier(options.where.column)} = ${quoteLiteral(options.where.value)}`
    : '';
  const read = await readSqlColumns({
    db,
    sql: `SELECT ${select.join(', ') || '1 AS _'} FROM ${relation}${where}`,
    numeric,
  });
  for (const c of exclude) delete types[c];
  return {
    description: options.description,
    rows: read.rows,
    days: null,
    columns: columns.length > 0 ? read.columns : {},
    types,
    latestTime: null,
  };
}
