import { collectColumnNames } from '../definition/collect-column-names.js';
import type { Expr } from '../definition/expression.js';
import type { FeatureSetDefinition } from '../definition/feature-set-definition.js';
import type { FeatureValueType } from '../definition/feature-value-type.js';
import { resolveFeatureSet } from '../definition/resolve-feature-set.js';
import { FEATURE_DATE_COLUMN } from '../definition/resolve-source.js';
import { InvalidDefinitionError } from '../errors.js';
import { checkFeatureDates } from './check-feature-dates.js';
import { type DialectName, dialectFor } from './dialect.js';
import { renderAggregate } from './render-aggregate.js';
import { renderCustomSql } from './render-custom-sql.js';
import { renderDatesCte } from './render-dates-cte.js';
import { renderEventsCte } from './render-events-cte.js';
import { renderHistoryCte } from './render-history-cte.js';
import { renderMostFrequentCte } from './render-most-frequent-cte.js';
import { renderRfmCte } from './render-rfm-cte.js';
import { renderWindowCondition } from './render-window-condition.js';

/** Options of {@link compileFeatureSql}. */
export interface CompileFeatureSqlOptions {
  dialect: DialectName;
  /**
   * The event relation as a table expression, inserted verbatim after `FROM` (trusted configuration):
   * `read_parquet('events/*.parquet')`, `"analytics"."events"`, `(SELECT …)`.
   */
  source: string;
  /** ISO dates (`YYYY-MM-DD`) to compute features as of; any order, no duplicates. */
  featureDates: readonly string[];
}

/**
 * Compiles a feature set into ONE query computing every feature for every entity of the population and
 * every requested feature date (a backfill in one pass: events range-join the dates). Output columns: the
 * entity key (named `entity.name`), `feature_date` (DATE), then the features in definition order; rows ordered
 * by feature date and entity key. As-of convention: a feature for date D uses only events with
 * event_time < D 00:00 (the start of D), i.e. up to the end of D − 1; window N covers days D − N … D − 1.
 * Throws {@link InvalidDefinitionError}.
 */
export function compileFeatureSql(
  definition: FeatureSetDefinition,
  options: CompileFeatureSqlOptions,
): string {
  const resolved = resolveFeatureSet(definition);
  const d = dialectFor(options.dialect);
  const q = d.quoteIdentifier;
  const dates = checkFeatureDates(options.featureDates);
  if (options.source.trim() === '')
    throw new InvalidDefinitionError('options', 'source', 'give the event relation (a table expression)');
  const { scope } = resolved.source;
  const { entity, features } = definition;

  // History reaches back as far as the longest window or the population's activity window; unbounded when
  // either is (recency without a window, or no activeWithinDays).
  const windows = features.map((f) =>
    f.kind === 'ratio' || f.kind === 'sql' ? 0 : (f.windowDays ?? Number.POSITIVE_INFINITY),
  );
  const lookback = Math.max(entity.activeWithinDays ?? Number.POSITIVE_INFINITY, ...windows);
  const lookbackDays = Number.isFinite(lookback) ? lookback : undefined;

  const names = new Set<string>();
  for (const f of features) {
    if (f.kind === 'ratio' || f.kind === 'sql') continue;
    collectColumnNames(f.filter, names);
    if (f.kind === 'aggregate' || f.kind === 'mostFrequent') collectColumnNames(f.of, names);
    if (f.kind === 'share') collectColumnNames(f.distinct, collectColumnNames(f.condition, names));
    if (f.kind === 'rfm') collectColumnNames(f.monetary, collectColumnNames(f.frequency.of, names));
  }

  const firstAsOf = d.cast(d.dateLiteral(dates[0] as string), 'timestamp');
  const lastAsOf = d.cast(d.dateLiteral(dates[dates.length - 1] as string), 'timestamp');
  const ctes = [
    renderDatesCte({ dialect: d, dates, lookbackDays }),
    renderEventsCte({
      dialect: d,
      source: resolved.source,
      relation: options.source,
      names,
      from: lookbackDays === undefined ? undefined : d.addDays(firstAsOf, -lookbackDays),
      until: lastAsOf,
    }),
    renderHistoryCte({ dialect: d, bounded: lookbackDays !== undefined }),
  ];

  const aggregates: string[] = [];
  const extraCtes: string[] = [];
  const joins: string[] = [];
  const outputs = new Map<string, { sql: string; type: FeatureValueType }>();
  const typeOf = new Map(resolved.columns.map((c) => [c.name, c.type]));
  const output = (name: string, sql: string): void => {
    outputs.set(name, { sql, type: typeOf.get(name) as FeatureValueType });
  };
  const join = (cte: string, alias: string): void => {
    extraCtes.push(cte);
    joins.push(
      `LEFT JOIN ${q(`__fti_${alias}`)} AS ${q(alias)}\n  ON ${q(alias)}.${q('__fti_entity')} = ${q('f')}.${q('__fti_entity')}\n` +
        ` AND ${q(alias)}.${q('__fti_feature_date')} = ${q('f')}.${q('__fti_feature_date')}`,
    );
  };
  features.forEach((f, index) => {
    if (f.kind === 'ratio') {
      const ref = (name: string): string => outputs.get(name)?.sql as string;
      output(f.name, `(${d.safeDivide(ref(f.numerator), ref(f.denominator))})`);
      return;
    }
    if (f.kind === 'sql') {
      const tokens = resolved.customSql.get(f.name) ?? [];
      output(f.name, d.cast(renderCustomSql({ dialect: d, tokens, features: outputs }), f.type));
      return;
    }
    const condition = (extra: Expr[] = []): string | undefined =>
      renderWindowCondition({
        dialect: d,
        scope,
        windowDays: f.windowDays,
        conditions: [f.filter, ...extra],
      });
    switch (f.kind) {
      case 'aggregate':
        aggregates.push(
          `${renderAggregate({ dialect: d, scope, fn: f.fn, of: f.of, condition: condition() })} AS ${q(f.name)}`,
        );
        output(f.name, `${q('f')}.${q(f.name)}`);
        break;
      case 'recency':
        aggregates.push(`${recencySql(condition())} AS ${q(f.name)}`);
        output(f.name, `${q('f')}.${q(f.name)}`);
        break;
      case 'share': {
        const count = (c: string | undefined): string =>
          renderAggregate({
            dialect: d,
            scope,
            fn: f.distinct ? 'countDistinct' : 'count',
            of: f.distinct,
            condition: c,
          });
        const sql = d.safeDivide(count(condition([f.condition])), count(condition()));
        aggregates.push(`${sql} AS ${q(f.name)}`);
        output(f.name, `${q('f')}.${q(f.name)}`);
        break;
      }
      case 'mostFrequent': {
        const alias = `most_frequent_${index}`;
        const type = typeOf.get(f.name) as FeatureValueType;
        join(
          renderMostFrequentCte({
            dialect: d,
            scope,
            cte: `__fti_${alias}`,
            name: f.name,
            type,
            of: f.of,
            condition: condition(),
          }),
          alias,
        );
        output(f.name, `${q(alias)}.${q(f.name)}`);
        break;
      }
      case 'rfm': {
        const alias = `rfm_${index}`;
        const column = (part: string): string => `__fti_${alias}_${part}`;
        const c = condition();
        aggregates.push(`${recencySql(c)} AS ${q(column('recency'))}`);
        const frequency = renderAggregate({
          dialect: d,
          scope,
          fn: f.frequency.of ? 'countDistinct' : 'count',
          of: f.frequency.of,
          condition: c,
        });
        aggregates.push(`${frequency} AS ${q(column('frequency'))}`);
        aggregates.push(
          `${renderAggregate({ dialect: d, scope, fn: 'sum', of: f.monetary, condition: c })} AS ${q(column('monetary'))}`,
        );
        join(
          renderRfmCte({
            dialect: d,
            cte: `__fti_${alias}`,
            name: f.name,
            recency: column('recency'),
            frequency: column('frequency'),
            monetary: column('monetary'),
            bins: f.bins,
          }),
          alias,
        );
        for (const part of ['r', 'f', 'm'])
          output(`${f.name}_${part}`, `${q(alias)}.${q(`${f.name}_${part}`)}`);
        break;
      }
    }
  });

  function recencySql(condition: string | undefined): string {
    const age = q('__fti_age');
    return condition === undefined ? `min(${age})` : `min(CASE WHEN ${condition} THEN ${age} END)`;
  }

  const keys = `${q('__fti_entity')}, ${q('__fti_feature_date')}`;
  const active = entity.activeWithinDays;
  ctes.push(
    [
      `${q('__fti_features')} AS (`,
      '  SELECT',
      `    ${[q('__fti_entity'), q('__fti_feature_date'), ...aggregates].join(',\n    ')}`,
      `  FROM ${q('__fti_history')}`,
      `  GROUP BY ${keys}`,
      ...(active !== undefined && active < lookback ? [`  HAVING min(${q('__fti_age')}) <= ${active}`] : []),
      ')',
    ].join('\n'),
    ...extraCtes,
  );
  const select = [
    `${q('f')}.${q('__fti_entity')} AS ${q(entity.name)}`,
    `${q('f')}.${q('__fti_feature_date')} AS ${q(FEATURE_DATE_COLUMN)}`,
    ...resolved.columns.map((c) => `${outputs.get(c.name)?.sql} AS ${q(c.name)}`),
  ];
  return [
    `WITH\n${ctes.join(',\n')}`,
    'SELECT',
    `  ${select.join(',\n  ')}`,
    `FROM ${q('__fti_features')} AS ${q('f')}`,
    ...joins,
    `ORDER BY ${q(FEATURE_DATE_COLUMN)}, ${q(entity.name)}`,
    '',
  ].join('\n');
}
