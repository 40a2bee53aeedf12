import type { ResolvedSource } from '../definition/resolve-source.js';
import type { SqlDialect } from './dialect.js';
import { renderExpression } from './render-expression.js';

/** Options of {@link renderEventsCte}. */
export interface RenderEventsCteOptions {
  dialect: SqlDialect;
  source: ResolvedSource;
  /** The source table expression, inserted verbatim after `FROM` (trusted configuration, not user input). */
  relation: string;
  /** Columns and values the features reference; projected under their own names. */
  names: ReadonlySet<string>;
  /** Keep events with event time >= this SQL TIMESTAMP expression; default no lower bound. */
  from?: string | undefined;
  /** Keep events with event time < this SQL TIMESTAMP expression. */
  until: string;
}

/**
 * The `__fti_events` CTE: the source rows with a non-null entity key and event time that pass the source
 * filter and fall inside [from, until) (so Parquet and Iceberg scans can prune), projected to
 * `__fti_entity`, `__fti_time` and the referenced columns and values (values computed here, once per row).
 */
export function renderEventsCte(options: RenderEventsCteOptions): string {
  const { dialect: d, source, relation, names, from, until } = options;
  const q = d.quoteIdentifier;
  const { entityKey, eventTime, values, filter } = source.source;
  // Values may be used in the filter too; a WHERE clause cannot see SELECT aliases, so inline them there.
  const inline = (name: string): string => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    return value === undefined
      ? q(name)
      : renderExpression(value, { dialect: d, scope: source.scope, column: (inner) => q(inner) });
  };
  const projection = [`${q(entityKey)} AS ${q('__fti_entity')}`, `${q(eventTime)} AS ${q('__fti_time')}`];
  for (const name of [...names].sort()) {
    projection.push(Object.hasOwn(values, name) ? `${inline(name)} AS ${q(name)}` : q(name));
  }
  const where = [`${q(entityKey)} IS NOT NULL`, `${q(eventTime)} IS NOT NULL`];
  if (from !== undefined) where.push(`${q(eventTime)} >= ${from}`);
  where.push(`${q(eventTime)} < ${until}`);
  if (filter !== undefined)
    where.push(renderExpression(filter, { dialect: d, scope: source.scope, column: inline }));
  return [
    `${q('__fti_events')} AS (`,
    '  SELECT',
    `    ${projection.join(',\n    ')}`,
    `  FROM ${relation} AS ${q('__fti_source')}`,
    `  WHERE ${where.join('\n    AND ')}`,
    ')',
  ].join('\n');
}
