import type { DatePartOp } from '../definition/expression.js';
import type { FeatureValueType } from '../definition/feature-value-type.js';
import { FeaturePipelineError } from '../errors.js';

/** SQL dialects a definition compiles to: embedded DuckDB, or Athena (engine v3, Trino). */
export type DialectName = 'duckdb' | 'athena';

/**
 * Everything that differs between the dialects, in one place; the compilers build SQL only from these and
 * from syntax both dialects share (CTEs, `CASE`, `CAST`, `count(DISTINCT …)`, `VALUES … AS t (c)`,
 * `rank()`/`row_number()` windows, `coalesce`, `NULLIF`, `floor`).
 */
export interface SqlDialect {
  name: DialectName;
  /** `"name"`, inner quotes doubled (Athena folds names to lower case; feature names are lower case). */
  quoteIdentifier(name: string): string;
  /** `'text'`, inner quotes doubled. */
  stringLiteral(value: string): string;
  /** A BIGINT literal for safe integers, otherwise a DOUBLE literal (exponent notation in both dialects). */
  numberLiteral(value: number): string;
  /** Always a DOUBLE literal (`0E0`); a plain `1.5` would be a DECIMAL in both dialects. */
  doubleLiteral(value: number): string;
  /** `DATE 'YYYY-MM-DD'`. */
  dateLiteral(isoDate: string): string;
  /** The timestamp `days` days after a TIMESTAMP expression (negative goes back). */
  addDays(timestamp: string, days: number): string;
  /** Whole calendar days from DATE `from` to DATE `to` (`to - from`), a BIGINT. */
  diffDays(from: string, to: string): string;
  /** `CAST(expr AS <type>)`. */
  cast(expr: string, type: FeatureValueType | 'date' | 'timestamp'): string;
  /** Date parts: ISO day of week (1 = Monday … 7 = Sunday), hour, month, year, each a BIGINT. */
  datePart(part: DatePartOp, expr: string): string;
  /** Whether a VARCHAR starts with a prefix (an SQL expression). */
  startsWith(expr: string, prefix: string): string;
  /** Sample standard deviation (null below two values). */
  stddevSample(expr: string): string;
  /** Safe division as DOUBLE: null when the divisor is 0 or null (DuckDB would give null, Trino infinity). */
  safeDivide(numerator: string, denominator: string): string;
}

const SQL_TYPES: Record<FeatureValueType, string> = {
  boolean: 'BOOLEAN',
  int: 'INTEGER',
  long: 'BIGINT',
  double: 'DOUBLE',
  date: 'DATE',
  timestamp: 'TIMESTAMP',
  string: 'VARCHAR',
};

const quoteIdentifier = (name: string): string => {
  if (name.includes('\0')) throw new FeaturePipelineError(`identifier \`${name}\` contains a NUL character`);
  return `"${name.replaceAll('"', '""')}"`;
};
const stringLiteral = (value: string): string => {
  if (value.includes('\0')) throw new FeaturePipelineError('a string literal contains a NUL character');
  return `'${value.replaceAll("'", "''")}'`;
};
const doubleLiteral = (value: number): string => {
  if (!Number.isFinite(value)) throw new FeaturePipelineError(`${value} is not a finite number`);
  return value.toExponential().replace('e+', 'E').replace('e-', 'E-');
};
const numberLiteral = (value: number): string =>
  Number.isSafeInteger(value) ? String(value) : doubleLiteral(value);
const dateLiteral = (isoDate: string): string => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate))
    throw new FeaturePipelineError(`\`${isoDate}\` is not YYYY-MM-DD`);
  return `DATE '${isoDate}'`;
};
const shared = {
  quoteIdentifier,
  stringLiteral,
  numberLiteral,
  doubleLiteral,
  dateLiteral,
  diffDays: (from: string, to: string) => `date_diff('day', ${from}, ${to})`,
  cast: (expr: string, type: FeatureValueType) => `CAST(${expr} AS ${SQL_TYPES[type]})`,
  startsWith: (expr: string, prefix: string) => `starts_with(${expr}, ${prefix})`,
  stddevSample: (expr: string) => `stddev_samp(${expr})`,
  safeDivide: (numerator: string, denominator: string) =>
    `CAST(${numerator} AS DOUBLE) / NULLIF(CAST(${denominator} AS DOUBLE), 0)`,
};

/** DuckDB: `isodow`, `INTERVAL (n) DAY`. */
export const duckdbDialect: SqlDialect = {
  name: 'duckdb',
  ...shared,
  addDays: (timestamp, days) => `${timestamp} + INTERVAL (${days}) DAY`,
  datePart: (part, expr) => (part === 'dayOfWeek' ? `isodow(${expr})` : `${part}(${expr})`),
};

/** Athena engine v3 (Trino): `day_of_week` (ISO), `date_add('day', n, t)`. */
export const athenaDialect: SqlDialect = {
  name: 'athena',
  ...shared,
  addDays: (timestamp, days) => `date_add('day', ${days}, ${timestamp})`,
  datePart: (part, expr) => (part === 'dayOfWeek' ? `day_of_week(${expr})` : `${part}(${expr})`),
};

/** The dialect for a name. */
export function dialectFor(name: DialectName): SqlDialect {
  if (name === 'duckdb') return duckdbDialect;
  if (name === 'athena') return athenaDialect;
  throw new FeaturePipelineError(`unknown SQL dialect \`${String(name)}\`; use 'duckdb' or 'athena'`);
}
