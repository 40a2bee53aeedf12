import type { Expr } from '../definition/expression.js';
import type { AggregateFn } from '../definition/feature.js';
import { type ExpressionScope, inferExpressionType } from '../definition/infer-expression-type.js';
import type { SqlDialect } from './dialect.js';
import { renderExpression } from './render-expression.js';

/** Options of {@link renderAggregate}. */
export interface RenderAggregateOptions {
  dialect: SqlDialect;
  scope: ExpressionScope;
  fn: AggregateFn;
  /** The aggregated value (none for `count`). */
  of?: Expr | undefined;
  /** Row condition from {@link renderWindowCondition}; undefined when every row counts. */
  condition: string | undefined;
}

/**
 * One aggregate over the rows of an entity and feature date meeting `condition`, as conditional aggregation
 * (`agg(CASE WHEN condition THEN value END)`), so every feature of every window shares one GROUP BY pass.
 * `count`/`countDistinct` give 0 and `sum` gives 0E0 on no rows; numeric values are aggregated as DOUBLE.
 */
export function renderAggregate(options: RenderAggregateOptions): string {
  const { dialect: d, scope, fn, of, condition } = options;
  const when = (value: string): string =>
    condition === undefined ? value : `CASE WHEN ${condition} THEN ${value} END`;
  if (fn === 'count') return condition === undefined ? 'count(*)' : `count(${when('1')})`;
  if (of === undefined) throw new TypeError(`aggregate ${fn} needs a value`);
  const rendered = renderExpression(of, { dialect: d, scope });
  if (fn === 'countDistinct') return `count(DISTINCT ${when(rendered)})`;
  const value = inferExpressionType(of, scope, 'of') === 'double' ? rendered : d.cast(rendered, 'double');
  switch (fn) {
    case 'sum':
      return `coalesce(sum(${when(value)}), ${d.doubleLiteral(0)})`;
    case 'stddev':
      return d.stddevSample(when(value));
    default:
      return `${fn}(${when(value)})`;
  }
}
