import { InvalidInputError } from '../errors.js';
import type { Filter, Literal, Predicate } from '../iceberg/filter.js';
import type { NestedField, Schema } from '../iceberg/types.js';
import { quoteIdentifier, quoteLiteral } from './sql-quote.js';

/**
 * Renders a {@link Filter} as a DuckDB SQL boolean expression over a schema's column names (for a `WHERE`).
 * `Date` literals become `DATE '…'` against a date column when they fall on midnight UTC, `TIMESTAMPTZ '…+00'`
 * against timestamptz and `TIMESTAMP '…'` otherwise; `and []` is TRUE, `or []` and `in []` are FALSE. A
 * column not in the schema is an {@link InvalidInputError} naming it.
 */
export function filterToSql(options: {
  filter: Filter;
  schema: Schema;
  /** How a column is referenced; default: its quoted name. */
  columnSql?: (field: NestedField) => string;
}): string {
  const fields = new Map(options.schema.fields.map((f) => [f.name, f]));
  const columnSql = options.columnSql ?? ((field: NestedField) => quoteIdentifier(field.name));
  const render = (filter: Filter): string => {
    if ('and' in filter)
      return filter.and.length === 0 ? 'TRUE' : `(${filter.and.map(render).join(' AND ')})`;
    if ('or' in filter) return filter.or.length === 0 ? 'FALSE' : `(${filter.or.map(render).join(' OR ')})`;
    if ('not' in filter) return `(NOT ${render(filter.not)})`;
    return renderPredicate(filter, fields, columnSql);
  };
  return render(options.filter);
}

function renderPredicate(
  predicate: Predicate,
  fields: Map<string, NestedField>,
  columnSql: (field: NestedField) => string,
): string {
  const field = fields.get(predicate.column);
  if (!field) {
    throw new InvalidInputError(
      `filter column \`${predicate.column}\` is not in the table schema (columns: ${[...fields.keys()].join(', ')})`,
      predicate.column,
    );
  }
  const column = columnSql(field);
  switch (predicate.op) {
    case 'isNull':
      return `${column} IS NULL`;
    case 'notNull':
      return `${column} IS NOT NULL`;
    case 'in':
      if (predicate.values.length === 0) return 'FALSE';
      return `${column} IN (${predicate.values.map((v) => renderLiteral(v, field)).join(', ')})`;
    default:
      return `${column} ${predicate.op === '!=' ? '<>' : predicate.op} ${renderLiteral(predicate.value, field)}`;
  }
}

function renderLiteral(value: Literal, field: NestedField): string {
  if (!(value instanceof Date)) return quoteLiteral(value);
  const ms = value.getTime();
  if (Number.isNaN(ms))
    throw new InvalidInputError(`filter on \`${field.name}\` has an invalid Date`, field.name);
  const iso = value.toISOString();
  if (!/^\d{4}-/.test(iso)) return quoteLiteral(value);
  if (field.type === 'date' && ms % 86_400_000 === 0) return `DATE ${quoteLiteral(iso.slice(0, 10))}`;
  const text = `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
  if (field.type === 'timestamptz') return `TIMESTAMPTZ ${quoteLiteral(`${text}+00`)}`;
  return `TIMESTAMP ${quoteLiteral(text)}`;
}

/** Names of the columns a filter reads. */
export function filterColumns(filter: Filter): Set<string> {
  const names = new Set<string>();
  const visit = (f: Filter): void => {
    if ('and' in f) f.and.forEach(visit);
    else if ('or' in f) f.or.forEach(visit);
    else if ('not' in f) visit(f.not);
    else names.add(f.column);
  };
  visit(filter);
  return names;
}
