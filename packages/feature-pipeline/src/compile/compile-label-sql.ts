import { collectColumnNames } from '../definition/collect-column-names.js';
import type { LabelDefinition } from '../definition/label-definition.js';
import { resolveLabelDefinition } from '../definition/resolve-label-definition.js';
import { FEATURE_DATE_COLUMN } from '../definition/resolve-source.js';
import { InvalidDefinitionError } from '../errors.js';
import { checkFeatureDates } from './check-feature-dates.js';
import { type DialectName, dialectFor } from './dialect.js';
import { renderAggregate } from './render-aggregate.js';
import { renderDatesCte } from './render-dates-cte.js';
import { renderEventsCte } from './render-events-cte.js';
import { renderExpression } from './render-expression.js';

/** Options of {@link compileLabelSql}: as for {@link compileFeatureSql}. */
export interface CompileLabelSqlOptions {
  dialect: DialectName;
  /** The event relation as a table expression, inserted verbatim after `FROM` (trusted configuration). */
  source: string;
  /** ISO dates (`YYYY-MM-DD`); any order, no duplicates. */
  featureDates: readonly string[];
}

/**
 * Compiles a label definition into one query over every requested feature date. Rows: the population, as for
 * features (entities with an event before D, within `entity.activeWithinDays`). Values look only forward:
 * a label with horizon H uses events with D 00:00 <= event_time < (D + H days) 00:00, the complement of the
 * features' window, so no event is both feature and label input for the same date. Labels whose horizon
 * runs past the end of the data are right-censored: filter those dates out before training.
 */
export function compileLabelSql(definition: LabelDefinition, options: CompileLabelSqlOptions): string {
  const resolved = resolveLabelDefinition(definition);
  const d = dialectFor(options.dialect);
  const q = d.quoteIdentifier;
  const dates = checkFeatureDates(options.featureDates);
  if (options.source.trim() === '')
    throw new InvalidDefinitionError('options', 'source', 'give the event relation (a table expression)');
  const { scope } = resolved.source;
  const { entity, labels } = definition;
  const horizon = Math.max(...labels.map((label) => label.horizonDays));
  const lookbackDays = entity.activeWithinDays;
  const names = new Set<string>();
  for (const label of labels) {
    collectColumnNames(label.filter, names);
    if (label.kind === 'sum') collectColumnNames(label.of, names);
  }
  const firstAsOf = d.cast(d.dateLiteral(dates[0] as string), 'timestamp');
  const lastAsOf = d.cast(d.dateLiteral(dates[dates.length - 1] as string), 'timestamp');
  const e = (column: string): string => `${q('e')}.${q(column)}`;
  const dt = (column: string): string => `${q('d')}.${q(column)}`;
  const keys = `${q('__fti_entity')}, ${q('__fti_feature_date')}`;

  const aggregates = labels.map((label) => {
    const conditions = [`${q('__fti_ahead')} < ${label.horizonDays}`];
    if (label.filter !== undefined) conditions.push(renderExpression(label.filter, { dialect: d, scope }));
    const condition = conditions.join(' AND ');
    const fn = label.kind === 'sum' ? 'sum' : 'count';
    const sql = renderAggregate({
      dialect: d,
      scope,
      fn,
      of: label.kind === 'sum' ? label.of : undefined,
      condition,
    });
    return `${label.kind === 'exists' ? `${sql} > 0` : sql} AS ${q(label.name)}`;
  });
  const empty = (kind: string): string =>
    kind === 'exists' ? 'FALSE' : kind === 'count' ? '0' : d.doubleLiteral(0);

  const ctes = [
    renderDatesCte({ dialect: d, dates, lookbackDays, horizonDays: horizon }),
    renderEventsCte({
      dialect: d,
      source: resolved.source,
      relation: options.source,
      names,
      from: lookbackDays === undefined ? undefined : d.addDays(firstAsOf, -lookbackDays),
      until: d.addDays(lastAsOf, horizon),
    }),
    [
      `${q('__fti_population')} AS (`,
      `  SELECT ${e('__fti_entity')}, ${dt('__fti_feature_date')}`,
      `  FROM ${q('__fti_events')} AS ${q('e')}`,
      `  JOIN ${q('__fti_dates')} AS ${q('d')}`,
      `    ON ${e('__fti_time')} < ${dt('__fti_as_of')}`,
      ...(lookbackDays === undefined ? [] : [`   AND ${e('__fti_time')} >= ${dt('__fti_from')}`]),
      `  GROUP BY ${e('__fti_entity')}, ${dt('__fti_feature_date')}`,
      ')',
    ].join('\n'),
    [
      `${q('__fti_future')} AS (`,
      `  SELECT ${q('e')}.*, ${dt('__fti_feature_date')}, ${d.diffDays(dt('__fti_feature_date'), d.cast(e('__fti_time'), 'date'))} AS ${q('__fti_ahead')}`,
      `  FROM ${q('__fti_events')} AS ${q('e')}`,
      `  JOIN ${q('__fti_dates')} AS ${q('d')}`,
      `    ON ${e('__fti_time')} >= ${dt('__fti_as_of')}`,
      `   AND ${e('__fti_time')} < ${dt('__fti_until')}`,
      ')',
    ].join('\n'),
    [
      `${q('__fti_labels')} AS (`,
      '  SELECT',
      `    ${[q('__fti_entity'), q('__fti_feature_date'), ...aggregates].join(',\n    ')}`,
      `  FROM ${q('__fti_future')}`,
      `  GROUP BY ${keys}`,
      ')',
    ].join('\n'),
  ];
  const p = (column: string): string => `${q('p')}.${q(column)}`;
  const select = [
    `${p('__fti_entity')} AS ${q(entity.name)}`,
    `${p('__fti_feature_date')} AS ${q(FEATURE_DATE_COLUMN)}`,
    ...labels.map(
      (label) => `coalesce(${q('l')}.${q(label.name)}, ${empty(label.kind)}) AS ${q(label.name)}`,
    ),
  ];
  return [
    `WITH\n${ctes.join(',\n')}`,
    'SELECT',
    `  ${select.join(',\n  ')}`,
    `FROM ${q('__fti_population')} AS ${q('p')}`,
    `LEFT JOIN ${q('__fti_labels')} AS ${q('l')}`,
    `  ON ${q('l')}.${q('__fti_entity')} = ${p('__fti_entity')}`,
    ` AND ${q('l')}.${q('__fti_feature_date')} = ${p('__fti_feature_date')}`,
    `ORDER BY ${q(FEATURE_DATE_COLUMN)}, ${q(entity.name)}`,
    '',
  ].join('\n');
}
