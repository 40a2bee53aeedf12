import { InvalidInputError } from '../errors.js';
import type { NestedField, Schema } from '../iceberg/types.js';
import type { DuckDb } from './duck-db.js';
import { toDuckDbType } from './duckdb-type.js';
import { quoteIdentifier, quoteLiteral } from './sql-quote.js';

/** A column of a source relation, as DuckDB describes it. */
export interface SourceColumn {
  name: string;
  /** DuckDB type name, e.g. `BIGINT`, `TIMESTAMP WITH TIME ZONE`. */
  duckType: string;
}

interface Check {
  kind: 'cast' | 'null' | 'nan';
  column: string;
  condition: string;
}

const INTEGRAL = new Set(['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT']);

/**
 * Checks a source relation against a table schema before anything is written: every source column must be
 * in the schema, every required column present, every value castable to its column's type without loss
 * (a string where an int is expected, 1.5 into an int, a timestamp with a time of day into a date), no null
 * in a required column and no NaN in a float/double column unless `allowNaN`. Name checks cost nothing;
 * value checks run as one aggregate query, only over columns that need one. Throws an
 * {@link InvalidInputError} naming the column, with the offending count and a sample value.
 */
export async function validateSource(options: {
  db: DuckDb;
  /** SQL table expression of the source. */
  relation: string;
  columns: SourceColumn[];
  schema: Schema;
  /** Let NaN into float/double columns; default false. */
  allowNaN?: boolean;
  /**
   * Skip the null and NaN value checks (the caller reads them from the written files' stats instead, and
   * calls again without this flag only when one fails, for the message). Default false.
   */
  skipNullAndNaN?: boolean;
}): Promise<void> {
  const { db, relation, columns, schema } = options;
  const fields = new Map(schema.fields.map((f) => [f.name, f]));
  const unknown = columns.filter((c) => !fields.has(c.name)).map((c) => c.name);
  if (unknown.length > 0) {
    throw new InvalidInputError(
      `column \`${unknown[0]}\` is not in the table schema (schema columns: ${schema.fields.map((f) => f.name).join(', ')}); drop it from the input or add it to the table first${unknown.length > 1 ? ` (also unknown: ${unknown.slice(1).join(', ')})` : ''}`,
      unknown[0],
    );
  }
  const present = new Set(columns.map((c) => c.name));
  const missing = schema.fields.find((f) => f.required && !present.has(f.name));
  if (missing) {
    throw new InvalidInputError(
      `required column \`${missing.name}\` (${String(typeof missing.type === 'string' ? missing.type : missing.type.type)}) is missing from the input; every row needs a value for it`,
      missing.name,
    );
  }
  const checks = columns
    .flatMap((column) =>
      columnChecks(column, fields.get(column.name) as NestedField, options.allowNaN ?? false),
    )
    .filter((check) => !options.skipNullAndNaN || check.kind === 'cast');
  if (checks.length === 0) return;
  const select = checks
    .map((check, i) => {
      const counted = `count(*) FILTER (WHERE ${check.condition}) AS ${quoteIdentifier(`n${i}`)}`;
      if (check.kind !== 'cast') return counted;
      const sample = `any_value(CAST(${quoteIdentifier(check.column)} AS VARCHAR)) FILTER (WHERE ${check.condition})`;
      return `${counted}, ${sample} AS ${quoteIdentifier(`s${i}`)}`;
    })
    .join(', ');
  const [result] = await db.query(`SELECT ${select} FROM ${relation}`);
  checks.forEach((check, i) => {
    const count = Number(result?.[`n${i}`] ?? 0);
    if (count === 0) return;
    const field = fields.get(check.column) as NestedField;
    const type = typeof field.type === 'string' ? field.type : field.type.type;
    if (check.kind === 'cast') {
      const sample = quoteLiteral(String(result?.[`s${i}`]));
      throw new InvalidInputError(
        `column \`${check.column}\` has ${count} value(s) that do not fit its type ${type}, for example ${sample}; convert them to ${type} or fix the schema`,
        check.column,
      );
    }
    if (check.kind === 'null') {
      throw new InvalidInputError(
        `required column \`${check.column}\` has ${count} null value(s); fill them or drop those rows`,
        check.column,
      );
    }
    throw new InvalidInputError(
      `column \`${check.column}\` has ${count} NaN value(s); replace them (for example with null) or write with allowNaN: true`,
      check.column,
    );
  });
}

function columnChecks(column: SourceColumn, field: NestedField, allowNaN: boolean): Check[] {
  if (typeof field.type !== 'string') return [];
  const c = quoteIdentifier(column.name);
  const target = toDuckDbType(field.type);
  const source = normalizeDuckType(column.duckType);
  const checks: Check[] = [];
  if (source !== target) {
    const cast = `TRY_CAST(${c} AS ${target})`;
    let lossy = 'FALSE';
    // DuckDB rounds 1.5 and '1.5' to 2 when casting to an integer: compare with the exact value instead.
    if (INTEGRAL.has(target) && !INTEGRAL.has(source)) {
      lossy = source === 'VARCHAR' ? `TRY_CAST(${c} AS DOUBLE) IS DISTINCT FROM ${cast}` : `${c} <> ${cast}`;
    } else if (target === 'DATE' && source.startsWith('TIMESTAMP')) {
      lossy = `CAST(${cast} AS ${source}) <> ${c}`;
    }
    checks.push({
      kind: 'cast',
      column: column.name,
      condition: `${c} IS NOT NULL AND (${cast} IS NULL OR ${lossy})`,
    });
  }
  if (field.required) checks.push({ kind: 'null', column: column.name, condition: `${c} IS NULL` });
  const canHoldNaN = source === 'FLOAT' || source === 'DOUBLE' || source === 'VARCHAR';
  if (!allowNaN && canHoldNaN && (field.type === 'float' || field.type === 'double')) {
    checks.push({ kind: 'nan', column: column.name, condition: `isnan(TRY_CAST(${c} AS DOUBLE))` });
  }
  return checks;
}

/** DuckDB's `DESCRIBE` names some types long-hand; map them to the names {@link toDuckDbType} uses. */
export function normalizeDuckType(duckType: string): string {
  const upper = duckType.toUpperCase();
  if (upper === 'TIMESTAMP WITH TIME ZONE') return 'TIMESTAMPTZ';
  if (upper === 'DECIMAL') return upper;
  return upper.replace(/^DECIMAL\((\d+),\s*(\d+)\)$/, 'DECIMAL($1, $2)');
}
