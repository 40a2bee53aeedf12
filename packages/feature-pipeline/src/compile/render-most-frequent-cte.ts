import type { Expr } from '../definition/expression.js';
import type { FeatureValueType } from '../definition/feature-value-type.js';
import type { ExpressionScope } from '../definition/infer-expression-type.js';
import type { SqlDialect } from './dialect.js';
import { renderExpression } from './render-expression.js';

/** Options of {@link renderMostFrequentCte}. */
export interface RenderMostFrequentCteOptions {
  dialect: SqlDialect;
  scope: ExpressionScope;
  /** CTE name. */
  cte: string;
  /** Output column name. */
  name: string;
  /** Output type: the value is cast to it. */
  type: FeatureValueType;
  of: Expr;
  /** Row condition from {@link renderWindowCondition}. */
  condition: string | undefined;
}

/**
 * A CTE with the most frequent non-null value of `of` per entity and feature date among the history rows
 * meeting `condition`: counts per value, then `row_number()` ordered by count descending and value ascending
 * (the deterministic tie-break), keeping rank 1. Portable: no `mode()`, no `QUALIFY`, no `arg_max`.
 */
export function renderMostFrequentCte(options: RenderMostFrequentCteOptions): string {
  const { dialect: d, scope, cte, name, type, of, condition } = options;
  const q = d.quoteIdentifier;
  const keys = `${q('__fti_entity')}, ${q('__fti_feature_date')}`;
  const value = q('__fti_value');
  return [
    `${q(cte)} AS (`,
    `  SELECT ${keys}, ${d.cast(value, type)} AS ${q(name)}`,
    '  FROM (',
    `    SELECT ${keys}, ${value},`,
    `      row_number() OVER (PARTITION BY ${keys} ORDER BY ${q('__fti_count')} DESC, ${value} ASC) AS ${q('__fti_rank')}`,
    '    FROM (',
    `      SELECT ${keys}, ${value}, count(*) AS ${q('__fti_count')}`,
    '      FROM (',
    `        SELECT ${keys}, ${renderExpression(of, { dialect: d, scope })} AS ${value}`,
    `        FROM ${q('__fti_history')}`,
    ...(condition === undefined ? [] : [`        WHERE ${condition}`]),
    `      ) AS ${q('__fti_values')}`,
    `      WHERE ${value} IS NOT NULL`,
    `      GROUP BY ${keys}, ${value}`,
    `    ) AS ${q('__fti_counts')}`,
    `  ) AS ${q('__fti_ranked')}`,
    `  WHERE ${q('__fti_rank')} = 1`,
    ')',
  ].join('\n');
}
