import { defineFeatureView, type FeatureView } from '@fti/feature-store';
import type { FeatureValueType } from '../definition/feature-value-type.js';
import type { Source } from '../definition/source.js';
import { InvalidDefinitionError } from '../errors.js';

/** Tag of the stored feature view holding the pipeline definition's hash. */
export const DEFINITION_HASH_TAG = 'fti.definition-hash';

/** Options of {@link featureViewOf}. */
export interface FeatureViewOfOptions {
  /** The feature set (or label) definition's name, version and description. */
  definition: {
    name: string;
    version: number;
    description: string;
    source: Source;
    entity: { name: string };
  };
  /** Output columns after the entity key and `feature_date`. */
  columns: readonly { name: string; type: FeatureValueType; description: string }[];
  /** {@link definitionHash} of the definition, stored as a tag so a changed definition is caught. */
  hash: string;
  /** How long a row stays valid for the point-in-time join, ISO-8601 days (`P7D`). */
  ttl: string;
  owner: string;
}

/**
 * The feature store's view of a pipeline definition: one entity whose join key is the entity key column
 * (typed like the source column), `feature_date` (DATE, month-partitioned) as event time, the output columns
 * as features, and the definition hash as the `fti.definition-hash` tag.
 */
export function featureViewOf(options: FeatureViewOfOptions): FeatureView {
  const { definition, columns } = options;
  const keyType = definition.source.columns[definition.source.entityKey];
  if (keyType !== 'int' && keyType !== 'long' && keyType !== 'string')
    throw new InvalidDefinitionError(
      definition.name,
      'source.entityKey',
      `a feature table's join key must be int, long or string, not ${keyType}`,
    );
  return defineFeatureView({
    name: definition.name,
    version: definition.version,
    entities: [{ name: definition.entity.name, joinKeys: [{ name: definition.entity.name, type: keyType }] }],
    eventTimeColumn: 'feature_date',
    eventTimeType: 'date',
    features: columns.map((c) => ({ name: c.name, type: c.type, description: c.description })),
    ttl: options.ttl,
    owner: options.owner,
    tags: { [DEFINITION_HASH_TAG]: options.hash },
    description: definition.description,
  });
}
