import type { SqlDialect } from './dialect.js';

/** Options of {@link renderDatesCte}. */
export interface RenderDatesCteOptions {
  dialect: SqlDialect;
  /** Checked, ascending ISO dates. */
  dates: string[];
  /** Adds `__fti_from` = as-of minus this many days (the start of the look-back); default none (unbounded). */
  lookbackDays?: number | undefined;
  /** Adds `__fti_until` = as-of plus this many days (the end of the label horizon); default none. */
  horizonDays?: number | undefined;
}

/**
 * The `__fti_dates` CTE: one row per feature date with `__fti_feature_date` (DATE) and `__fti_as_of`, its
 * start as a TIMESTAMP (midnight), the instant the as-of convention compares event times with.
 */
export function renderDatesCte(options: RenderDatesCteOptions): string {
  const { dialect: d, dates, lookbackDays, horizonDays } = options;
  const q = d.quoteIdentifier;
  const asOf = d.cast(q('__fti_feature_date'), 'timestamp');
  const columns = [q('__fti_feature_date'), `${asOf} AS ${q('__fti_as_of')}`];
  if (lookbackDays !== undefined) columns.push(`${d.addDays(asOf, -lookbackDays)} AS ${q('__fti_from')}`);
  if (horizonDays !== undefined) columns.push(`${d.addDays(asOf, horizonDays)} AS ${q('__fti_until')}`);
  const values = dates.map((date) => `(${d.dateLiteral(date)})`).join(',\n    ');
  return [
    `${q('__fti_dates')} AS (`,
    '  SELECT',
    `    ${columns.join(',\n    ')}`,
    '  FROM (VALUES',
    `    ${values}`,
    `  ) AS ${q('__fti_date_list')} (${q('__fti_feature_date')})`,
    ')',
  ].join('\n');
}
