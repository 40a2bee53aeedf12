import { InvalidDefinitionError } from '../errors.js';
import type { Expr } from './expression.js';
import type { Feature } from './feature.js';
import type { FeatureSetDefinition } from './feature-set-definition.js';
import type { FeatureColumn, FeatureValueType } from './feature-value-type.js';
import { type ExprType, inferExpressionType, isNumeric } from './infer-expression-type.js';
import { type CustomSqlToken, parseCustomSql } from './parse-custom-sql.js';
import { FEATURE_DATE_COLUMN, type ResolvedSource, resolveSource } from './resolve-source.js';

/** A checked feature set: its source scope, output columns and the tokens of its custom SQL features. */
export interface ResolvedFeatureSet {
  definition: FeatureSetDefinition;
  source: ResolvedSource;
  /** Output columns after the entity key and `feature_date`, in definition order (`rfm` gives three). */
  columns: FeatureColumn[];
  /** Tokens of each `sql` feature, by feature name. */
  customSql: Map<string, CustomSqlToken[]>;
}

/**
 * Checks a parsed feature set definition beyond its zod shape: the source (see {@link resolveSource}), the
 * types of every expression, unique output names, and ratio or custom SQL references to features defined
 * earlier (so there are no cycles). Throws {@link InvalidDefinitionError} naming the path at fault.
 */
export function resolveFeatureSet(definition: FeatureSetDefinition): ResolvedFeatureSet {
  const source = resolveSource(definition.name, definition.source);
  const fail = (path: string, reason: string): never => {
    throw new InvalidDefinitionError(definition.name, path, reason);
  };
  const typeOf = (e: Expr, path: string): ExprType => inferExpressionType(e, source.scope, path);
  const condition = (e: Expr | undefined, path: string): void => {
    if (e === undefined) return;
    const type = typeOf(e, path);
    if (type !== 'boolean') fail(path, `must be a condition (boolean), not ${type}`);
  };
  const numeric = (e: Expr, path: string): void => {
    const type = typeOf(e, path);
    if (!isNumeric(type)) fail(path, `must be numeric, not ${type}`);
  };

  const columns: FeatureColumn[] = [];
  const byName = new Map<string, FeatureColumn>();
  const customSql = new Map<string, CustomSqlToken[]>();
  const add = (path: string, name: string, type: FeatureValueType, description: string): void => {
    if (name === definition.entity.name || name === FEATURE_DATE_COLUMN)
      fail(path, `\`${name}\` is the name of the entity key or feature date column; rename the feature`);
    if (byName.has(name))
      fail(path, `output column \`${name}\` is defined twice; feature names must be unique`);
    const column = { name, type, description };
    columns.push(column);
    byName.set(name, column);
  };

  definition.features.forEach((feature: Feature, index) => {
    const path = `features[${index}]`;
    switch (feature.kind) {
      case 'aggregate': {
        condition(feature.filter, `${path}.filter`);
        if (feature.fn === 'count') {
          if (feature.of !== undefined)
            fail(`${path}.of`, '`count` counts rows and takes no `of`; filter the rows or use countDistinct');
          add(path, feature.name, 'long', feature.description);
          break;
        }
        if (feature.of === undefined)
          fail(`${path}.of`, `\`${feature.fn}\` needs \`of\`, the value to aggregate`);
        const of = feature.of as Expr;
        if (feature.fn === 'countDistinct') {
          typeOf(of, `${path}.of`);
          add(path, feature.name, 'long', feature.description);
        } else {
          numeric(of, `${path}.of`);
          add(path, feature.name, 'double', feature.description);
        }
        break;
      }
      case 'recency':
        condition(feature.filter, `${path}.filter`);
        add(path, feature.name, 'long', feature.description);
        break;
      case 'share':
        condition(feature.filter, `${path}.filter`);
        condition(feature.condition, `${path}.condition`);
        if (feature.distinct !== undefined) typeOf(feature.distinct, `${path}.distinct`);
        add(path, feature.name, 'double', feature.description);
        break;
      case 'mostFrequent': {
        condition(feature.filter, `${path}.filter`);
        const type = typeOf(feature.of, `${path}.of`);
        if (type === 'null') fail(`${path}.of`, 'a bare null has no type');
        add(path, feature.name, type === 'int' ? 'long' : (type as FeatureValueType), feature.description);
        break;
      }
      case 'rfm':
        condition(feature.filter, `${path}.filter`);
        if (feature.frequency.of !== undefined) typeOf(feature.frequency.of, `${path}.frequency.of`);
        numeric(feature.monetary, `${path}.monetary`);
        for (const part of ['r', 'f', 'm'])
          add(
            path,
            `${feature.name}_${part}`,
            'int',
            `${feature.description} (${part.toUpperCase()} score)`.trim(),
          );
        break;
      case 'ratio':
        for (const side of ['numerator', 'denominator'] as const) {
          const ref = byName.get(feature[side]);
          if (ref === undefined)
            fail(
              `${path}.${side}`,
              `\`${feature[side]}\` is not a feature defined before \`${feature.name}\``,
            );
          else if (!['int', 'long', 'double'].includes(ref.type))
            fail(`${path}.${side}`, `\`${feature[side]}\` is ${ref.type}, not numeric`);
        }
        add(path, feature.name, 'double', feature.description);
        break;
      case 'sql':
        try {
          customSql.set(feature.name, parseCustomSql(feature.sql, new Set(byName.keys())));
        } catch (error) {
          fail(`${path}.sql`, (error as Error).message);
        }
        add(path, feature.name, feature.type, feature.description);
        break;
    }
  });
  return { definition, source, columns, customSql };
}
