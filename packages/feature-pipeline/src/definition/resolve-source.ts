import { InvalidDefinitionError } from '../errors.js';
import { type ExpressionScope, inferExpressionType } from './infer-expression-type.js';
import type { ColumnType, Source } from './source.js';

/** Name of the output column holding the feature date, next to the entity key. */
export const FEATURE_DATE_COLUMN = 'feature_date';

/** A source whose columns, values and filter were checked, with the scope feature expressions see. */
export interface ResolvedSource {
  source: Source;
  /** Declared columns and named values, with their types. */
  scope: ExpressionScope;
}

/**
 * Checks a source: entity key and event time declared (the event time a `date` or `timestamp`), value names
 * distinct from column names, values and filter well-typed over the declared columns. Throws
 * {@link InvalidDefinitionError}.
 */
export function resolveSource(definition: string, source: Source): ResolvedSource {
  const fail = (path: string, reason: string): never => {
    throw new InvalidDefinitionError(definition, path, reason);
  };
  const columns = new Map<string, ColumnType>(Object.entries(source.columns));
  for (const name of columns.keys())
    if (name.startsWith('__fti_'))
      fail(`source.columns.${name}`, 'names starting with `__fti_` are reserved');
  const entityType = columns.get(source.entityKey);
  if (entityType === undefined)
    fail('source.entityKey', `\`${source.entityKey}\` must also be declared in source.columns`);
  if (entityType === 'double') fail('source.entityKey', 'an entity key must not be a double');
  const timeType = columns.get(source.eventTime);
  if (timeType !== 'timestamp' && timeType !== 'date')
    fail(
      'source.eventTime',
      `\`${source.eventTime}\` must be declared in source.columns as a timestamp or date (got ${timeType})`,
    );
  const columnScope: ExpressionScope = { definition, columns };
  const all = new Map(columns);
  for (const [name, value] of Object.entries(source.values)) {
    if (columns.has(name)) fail(`source.values.${name}`, 'a value must not have the name of a source column');
    const type = inferExpressionType(value, columnScope, `source.values.${name}`);
    if (type === 'null') fail(`source.values.${name}`, 'a bare null has no type; cast it');
    all.set(name, type as ColumnType);
  }
  const scope: ExpressionScope = { definition, columns: all };
  if (source.filter !== undefined) {
    const type = inferExpressionType(source.filter, scope, 'source.filter');
    if (type !== 'boolean') fail('source.filter', `must be a condition (boolean), not ${type}`);
  }
  return { source, scope };
}
