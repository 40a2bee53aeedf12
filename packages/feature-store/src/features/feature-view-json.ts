import { InvalidInputError } from '../errors.js';
import type { Entity } from './entity.js';
import { defineFeatureView, type FeatureView, type FeatureViewInput } from './feature-view.js';
import { FEATURE_VIEW_PROPERTY } from './feature-view-property.js';

/**
 * Serializes a feature view to the JSON string stored in its table's `fti.feature-view` property. Keys come
 * out in a fixed order and entities inline, so equal views serialize to equal strings.
 */
export function serializeFeatureView(view: FeatureView): string {
  return JSON.stringify({
    name: view.name,
    version: view.version,
    entities: view.entities.map((entity: Entity) => ({
      name: entity.name,
      joinKeys: entity.joinKeys.map((key) => ({ name: key.name, type: key.type })),
      description: entity.description,
      owner: entity.owner,
      tags: entity.tags,
    })),
    eventTimeColumn: view.eventTimeColumn,
    eventTimeType: view.eventTimeType,
    features: view.features.map((feature) => ({
      name: feature.name,
      type: feature.type,
      description: feature.description,
      required: feature.required,
    })),
    ttl: view.ttl,
    owner: view.owner,
    tags: view.tags,
    description: view.description,
    partition: view.partition.map((field) => ({ column: field.column, transform: field.transform })),
  });
}

/**
 * Parses and validates a feature view stored by {@link serializeFeatureView} (the `fti.feature-view` table
 * property). Throws InvalidInputError when the text is not JSON or not a valid definition, naming the field.
 */
export function parseFeatureView(json: string): FeatureView {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new InvalidInputError(
      `table property ${FEATURE_VIEW_PROPERTY} is not valid JSON (${(error as Error).message}); rewrite it with serializeFeatureView`,
      undefined,
      { cause: error },
    );
  }
  return defineFeatureView(value as FeatureViewInput);
}
