import type { Expr } from '../definition/expression.js';
import type { ExpressionScope } from '../definition/infer-expression-type.js';
import type { SqlDialect } from './dialect.js';
import { renderExpression } from './render-expression.js';

/** Options of {@link renderWindowCondition}. */
export interface RenderWindowConditionOptions {
  dialect: SqlDialect;
  scope: ExpressionScope;
  /** Keep rows whose `__fti_age` (days before the feature date, ≥ 1) is at most this; default any age. */
  windowDays?: number | undefined;
  /** Conditions all rows must also meet (undefined entries are skipped). */
  conditions?: (Expr | undefined)[];
}

/**
 * The row condition of a windowed feature, `"__fti_age" <= N AND (filter) …`, or undefined when every row
 * counts. Age is whole calendar days from the event's date to the feature date, so window N covers the N
 * days before the feature date.
 */
export function renderWindowCondition(options: RenderWindowConditionOptions): string | undefined {
  const { dialect, scope, windowDays, conditions = [] } = options;
  const parts: string[] = [];
  if (windowDays !== undefined) parts.push(`${dialect.quoteIdentifier('__fti_age')} <= ${windowDays}`);
  for (const condition of conditions)
    if (condition !== undefined) parts.push(renderExpression(condition, { dialect, scope }));
  return parts.length === 0 ? undefined : parts.join(' AND ');
}
