import { InvalidInputError } from '../errors.js';
import type { Filter, Literal } from './filter.js';
import { literalValue } from './literal-value.js';
import type { PrimitiveType, Schema } from './types.js';
import type { IcebergValue } from './value.js';

/** Comparison operators after negations are pushed down (`not in` included). */
export type BoundOp = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'notIn' | 'isNull' | 'notNull';

/** A predicate resolved against a schema: field id, type, and literals in the column's value domain. */
export interface BoundPredicate {
  fieldId: number;
  /** Undefined for nested columns (never pruned on). */
  type: PrimitiveType | undefined;
  op: BoundOp;
  /** Literals converted to the column's domain; undefined when one does not convert exactly (no pruning). */
  values: IcebergValue[] | undefined;
}

/** A filter in negation normal form with resolved columns. */
export type BoundFilter = { predicate: BoundPredicate } | { and: BoundFilter[] } | { or: BoundFilter[] };

const NEGATE: Record<BoundOp, BoundOp> = {
  '=': '!=',
  '!=': '=',
  '<': '>=',
  '<=': '>',
  '>': '<=',
  '>=': '<',
  in: 'notIn',
  notIn: 'in',
  isNull: 'notNull',
  notNull: 'isNull',
};

/**
 * Resolves filter columns by name in `schema` (exact name first, then ignoring case) and pushes `not` down to
 * the predicates. Under SQL's three-valued logic a row passes `not (x < 5)` exactly when it passes `x >= 5`.
 * @throws InvalidInputError naming the column when it is not in the schema.
 */
export function bindFilter(filter: Filter, schema: Schema, negate = false): BoundFilter {
  if ('and' in filter || 'or' in filter) {
    const children = ('and' in filter ? filter.and : filter.or).map((f) => bindFilter(f, schema, negate));
    return 'and' in filter !== negate ? { and: children } : { or: children };
  }
  if ('not' in filter) return bindFilter(filter.not, schema, !negate);
  const field =
    schema.fields.find((f) => f.name === filter.column) ??
    schema.fields.find((f) => f.name.toLowerCase() === filter.column.toLowerCase());
  if (!field) {
    const known = schema.fields.map((f) => f.name).join(', ');
    throw new InvalidInputError(
      `filter column \`${filter.column}\` is not in the table (columns: ${known})`,
      filter.column,
    );
  }
  const type = typeof field.type === 'string' ? field.type : undefined;
  const literals: Literal[] = 'values' in filter ? filter.values : 'value' in filter ? [filter.value] : [];
  let values: IcebergValue[] | undefined = [];
  for (const literal of literals) {
    const value = type ? literalValue(type, literal) : undefined;
    if (value === undefined) {
      values = undefined;
      break;
    }
    values.push(value);
  }
  const op = negate ? NEGATE[filter.op] : filter.op;
  return { predicate: { fieldId: field.id, type, op, values } };
}
