import type { SqlDialect } from './dialect.js';

/** Options of {@link renderHistoryCte}. */
export interface RenderHistoryCteOptions {
  dialect: SqlDialect;
  /** Whether `__fti_dates` has `__fti_from` (a bounded look-back). */
  bounded: boolean;
}

/**
 * The `__fti_history` CTE: each event paired with every feature date it is visible to, by a range join on
 * `event_time < as_of` (and `>= as_of − look-back` when bounded), with `__fti_age`, the whole calendar days
 * from the event's date to the feature date (≥ 1 under the as-of convention).
 */
export function renderHistoryCte(options: RenderHistoryCteOptions): string {
  const { dialect: d, bounded } = options;
  const q = d.quoteIdentifier;
  const e = (column: string): string => `${q('e')}.${q(column)}`;
  const dt = (column: string): string => `${q('d')}.${q(column)}`;
  const age = d.diffDays(d.cast(e('__fti_time'), 'date'), dt('__fti_feature_date'));
  return [
    `${q('__fti_history')} AS (`,
    `  SELECT ${q('e')}.*, ${dt('__fti_feature_date')}, ${age} AS ${q('__fti_age')}`,
    `  FROM ${q('__fti_events')} AS ${q('e')}`,
    `  JOIN ${q('__fti_dates')} AS ${q('d')}`,
    `    ON ${e('__fti_time')} < ${dt('__fti_as_of')}`,
    ...(bounded ? [`   AND ${e('__fti_time')} >= ${dt('__fti_from')}`] : []),
    ')',
  ].join('\n');
}
