import { InvalidDefinitionError } from '../errors.js';
import type { FeatureColumn } from './feature-value-type.js';
import { inferExpressionType, isNumeric } from './infer-expression-type.js';
import type { LabelDefinition } from './label-definition.js';
import { FEATURE_DATE_COLUMN, type ResolvedSource, resolveSource } from './resolve-source.js';

/** A checked label definition: its source scope and output columns. */
export interface ResolvedLabelDefinition {
  definition: LabelDefinition;
  source: ResolvedSource;
  /** Output columns after the entity key and `feature_date`, in definition order. */
  columns: FeatureColumn[];
}

/**
 * Checks a parsed label definition: the source, filters are conditions, `sum` sums a number, names are
 * unique. Throws {@link InvalidDefinitionError}.
 */
export function resolveLabelDefinition(definition: LabelDefinition): ResolvedLabelDefinition {
  const source = resolveSource(definition.name, definition.source);
  const fail = (path: string, reason: string): never => {
    throw new InvalidDefinitionError(definition.name, path, reason);
  };
  const columns: FeatureColumn[] = [];
  definition.labels.forEach((label, index) => {
    const path = `labels[${index}]`;
    if (label.filter !== undefined) {
      const type = inferExpressionType(label.filter, source.scope, `${path}.filter`);
      if (type !== 'boolean') fail(`${path}.filter`, `must be a condition (boolean), not ${type}`);
    }
    if (label.kind === 'sum' && !isNumeric(inferExpressionType(label.of, source.scope, `${path}.of`)))
      fail(`${path}.of`, 'must be numeric');
    if ([definition.entity.name, FEATURE_DATE_COLUMN, ...columns.map((c) => c.name)].includes(label.name))
      fail(path, `output column \`${label.name}\` is already taken; label names must be unique`);
    const type = label.kind === 'exists' ? 'boolean' : label.kind === 'count' ? 'long' : 'double';
    columns.push({ name: label.name, type, description: label.description });
  });
  return { definition, source, columns };
}
