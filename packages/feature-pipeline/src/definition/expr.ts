import type { CastTarget, Expr, LiteralValue } from './expression.js';

const wrap = (value: Expr | LiteralValue): Expr =>
  value !== null && typeof value === 'object' ? value : { op: 'lit', value };

/**
 * Builders of {@link Expr} data, so definitions read like code: `expr.mul(expr.col('Quantity'),
 * expr.col('UnitPrice'))`. Plain values (`'C'`, `0`, `true`) are taken as literals wherever an expression is
 * expected. The result is plain JSON-serialisable data.
 */
export const expr = {
  /** A column of the source (declared in `source.columns`) or a named value (`source.values`). */
  col: (name: string): Expr => ({ op: 'col', name }),
  /** A literal: string, finite number, boolean or null. */
  lit: (value: LiteralValue): Expr => ({ op: 'lit', value }),
  add: (left: Expr | LiteralValue, right: Expr | LiteralValue): Expr => ({
    op: 'add',
    left: wrap(left),
    right: wrap(right),
  }),
  sub: (left: Expr | LiteralValue, right: Expr | LiteralValue): Expr => ({
    op: 'sub',
    left: wrap(left),
    right: wrap(right),
  }),
  mul: (left: Expr | LiteralValue, right: Expr | LiteralValue): Expr => ({
    op: 'mul',
    left: wrap(left),
    right: wrap(right),
  }),
  /** Safe division: a DOUBLE, null when `right` is 0 or null. */
  div: (left: Expr | LiteralValue, right: Expr | LiteralValue): Expr => ({
    op: 'div',
    left: wrap(left),
    right: wrap(right),
  }),
  eq: (left: Expr | LiteralValue, right: Expr | LiteralValue): Expr => ({
    op: 'eq',
    left: wrap(left),
    right: wrap(right),
  }),
  ne: (left: Expr | LiteralValue, right: Expr | LiteralValue): Expr => ({
    op: 'ne',
    left: wrap(left),
    right: wrap(right),
  }),
  lt: (left: Expr | LiteralValue, right: Expr | LiteralValue): Expr => ({
    op: 'lt',
    left: wrap(left),
    right: wrap(right),
  }),
  le: (left: Expr | LiteralValue, right: Expr | LiteralValue): Expr => ({
    op: 'le',
    left: wrap(left),
    right: wrap(right),
  }),
  gt: (left: Expr | LiteralValue, right: Expr | LiteralValue): Expr => ({
    op: 'gt',
    left: wrap(left),
    right: wrap(right),
  }),
  ge: (left: Expr | LiteralValue, right: Expr | LiteralValue): Expr => ({
    op: 'ge',
    left: wrap(left),
    right: wrap(right),
  }),
  and: (...args: Expr[]): Expr => ({ op: 'and', args }),
  or: (...args: Expr[]): Expr => ({ op: 'or', args }),
  not: (arg: Expr): Expr => ({ op: 'not', arg }),
  isNull: (arg: Expr): Expr => ({ op: 'isNull', arg }),
  isNotNull: (arg: Expr): Expr => ({ op: 'not', arg: { op: 'isNull', arg } }),
  neg: (arg: Expr): Expr => ({ op: 'neg', arg }),
  abs: (arg: Expr): Expr => ({ op: 'abs', arg }),
  /** ISO day of week of a date or timestamp: 1 = Monday … 7 = Sunday. */
  dayOfWeek: (arg: Expr): Expr => ({ op: 'dayOfWeek', arg }),
  /** True on Saturday and Sunday. */
  isWeekend: (arg: Expr): Expr => ({ op: 'in', arg: { op: 'dayOfWeek', arg }, values: [6, 7] }),
  /** Hour of day (0–23) of a timestamp. */
  hour: (arg: Expr): Expr => ({ op: 'hour', arg }),
  /** Month (1–12) of a date or timestamp. */
  month: (arg: Expr): Expr => ({ op: 'month', arg }),
  /** Year of a date or timestamp. */
  year: (arg: Expr): Expr => ({ op: 'year', arg }),
  in: (arg: Expr, values: (string | number)[]): Expr => ({ op: 'in', arg, values }),
  startsWith: (arg: Expr, prefix: string): Expr => ({ op: 'startsWith', arg, prefix }),
  coalesce: (...args: (Expr | LiteralValue)[]): Expr => ({ op: 'coalesce', args: args.map(wrap) }),
  /** `CASE WHEN when THEN value … ELSE otherwise END` (otherwise default null). */
  case: (branches: { when: Expr; value: Expr | LiteralValue }[], otherwise?: Expr | LiteralValue): Expr => ({
    op: 'case',
    branches: branches.map((branch) => ({ when: branch.when, value: wrap(branch.value) })),
    ...(otherwise === undefined ? {} : { else: wrap(otherwise) }),
  }),
  cast: (arg: Expr, to: CastTarget): Expr => ({ op: 'cast', arg, to }),
} as const;
