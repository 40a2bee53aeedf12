import type { Expr } from '../definition/expression.js';
import { type ExpressionScope, inferExpressionType } from '../definition/infer-expression-type.js';
import type { SqlDialect } from './dialect.js';

/** Options of {@link renderExpression}. */
export interface RenderExpressionOptions {
  dialect: SqlDialect;
  /** Types of the names in scope (the expression was checked against it). */
  scope: ExpressionScope;
  /** SQL for a column or value reference; default the quoted name. */
  column?: (name: string) => string;
}

const COMPARISON = { eq: '=', ne: '<>', lt: '<', le: '<=', gt: '>', ge: '>=' } as const;
const ARITHMETIC = { add: '+', sub: '-', mul: '*' } as const;

/**
 * Renders a checked {@link Expr} as SQL in a dialect. Every compound is parenthesised, so precedence never
 * depends on the dialect; `int` operands of arithmetic are widened to BIGINT so products do not overflow
 * 32 bits on either engine.
 */
export function renderExpression(e: Expr, options: RenderExpressionOptions): string {
  const { dialect, scope } = options;
  const column = options.column ?? dialect.quoteIdentifier;
  const render = (child: Expr): string => renderExpression(child, options);
  switch (e.op) {
    case 'col':
      return column(e.name);
    case 'lit':
      if (e.value === null) return 'NULL';
      if (typeof e.value === 'string') return dialect.stringLiteral(e.value);
      if (typeof e.value === 'boolean') return e.value ? 'TRUE' : 'FALSE';
      return dialect.numberLiteral(e.value);
    case 'add':
    case 'sub':
    case 'mul': {
      const widen = (child: Expr): string =>
        inferExpressionType(child, scope, 'expression') === 'int'
          ? dialect.cast(render(child), 'long')
          : render(child);
      return `(${widen(e.left)} ${ARITHMETIC[e.op]} ${widen(e.right)})`;
    }
    case 'div':
      return `(${dialect.safeDivide(render(e.left), render(e.right))})`;
    case 'eq':
    case 'ne':
    case 'lt':
    case 'le':
    case 'gt':
    case 'ge':
      return `(${render(e.left)} ${COMPARISON[e.op]} ${render(e.right)})`;
    case 'and':
    case 'or':
      return `(${e.args.map(render).join(e.op === 'and' ? ' AND ' : ' OR ')})`;
    case 'not':
      return `(NOT ${render(e.arg)})`;
    case 'isNull':
      return `(${render(e.arg)} IS NULL)`;
    case 'neg':
      return `(- ${render(e.arg)})`;
    case 'abs':
      return `abs(${render(e.arg)})`;
    case 'dayOfWeek':
    case 'hour':
    case 'month':
    case 'year':
      return dialect.datePart(e.op, render(e.arg));
    case 'in':
      return `(${render(e.arg)} IN (${e.values
        .map((value) =>
          typeof value === 'string' ? dialect.stringLiteral(value) : dialect.numberLiteral(value),
        )
        .join(', ')}))`;
    case 'startsWith':
      return dialect.startsWith(render(e.arg), dialect.stringLiteral(e.prefix));
    case 'coalesce':
      return `coalesce(${e.args.map(render).join(', ')})`;
    case 'case': {
      const branches = e.branches.map((branch) => `WHEN ${render(branch.when)} THEN ${render(branch.value)}`);
      const otherwise = e.else === undefined ? '' : ` ELSE ${render(e.else)}`;
      return `CASE ${branches.join(' ')}${otherwise} END`;
    }
    case 'cast': {
      // DuckDB casts 2.5 to 2 (half to even), Trino to 3: round (half away from zero on both) first.
      const fractional = e.to === 'long' && inferExpressionType(e.arg, scope, 'expression') === 'double';
      return dialect.cast(fractional ? `round(${render(e.arg)})` : render(e.arg), e.to);
    }
  }
}
