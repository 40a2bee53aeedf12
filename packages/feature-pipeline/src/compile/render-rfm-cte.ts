import type { SqlDialect } from './dialect.js';

/** Options of {@link renderRfmCte}. */
export interface RenderRfmCteOptions {
  dialect: SqlDialect;
  /** CTE name. */
  cte: string;
  /** Feature name: outputs `<name>_r`, `<name>_f`, `<name>_m`. */
  name: string;
  /** Columns of `__fti_features` holding the raw recency (days), frequency and monetary values. */
  recency: string;
  frequency: string;
  monetary: string;
  bins: number;
}

/**
 * A CTE scoring recency, frequency and monetary into bins 1…`bins` across the entities of each feature date
 * that had an event in the window (recency not null): score = 1 + floor(bins × (rank − 1) / n) with `rank()`
 * (ties share the lowest rank) over the worst-first order, so the best values score `bins` and equal values
 * score alike. Entities without an event in the window get null scores.
 */
export function renderRfmCte(options: RenderRfmCteOptions): string {
  const { dialect: d, cte, name, recency, frequency, monetary, bins } = options;
  const q = d.quoteIdentifier;
  const keys = `${q('__fti_entity')}, ${q('__fti_feature_date')}`;
  const partition = `PARTITION BY ${q('__fti_feature_date')}, ${q('__fti_active')}`;
  const score = (column: string, worstFirst: 'ASC' | 'DESC', output: string): string =>
    `    CASE WHEN ${q('__fti_active')} = 0 THEN NULL ELSE 1 + CAST(floor(${d.doubleLiteral(bins)} * ` +
    `(rank() OVER (${partition} ORDER BY ${q(column)} ${worstFirst}) - 1) / count(*) OVER (${partition})) ` +
    `AS INTEGER) END AS ${q(output)}`;
  return [
    `${q(cte)} AS (`,
    `  SELECT ${keys},`,
    `${score(recency, 'DESC', `${name}_r`)},`,
    `${score(frequency, 'ASC', `${name}_f`)},`,
    `${score(monetary, 'ASC', `${name}_m`)}`,
    '  FROM (',
    `    SELECT ${keys}, ${q(recency)}, ${q(frequency)}, ${q(monetary)},`,
    `      CASE WHEN ${q(recency)} IS NULL THEN 0 ELSE 1 END AS ${q('__fti_active')}`,
    `    FROM ${q('__fti_features')}`,
    `  ) AS ${q('__fti_rfm_input')}`,
    ')',
  ].join('\n');
}
