import type { PartitionDefinition } from '../iceberg/partition.js';
import type { ColumnDefinition } from '../iceberg/schema.js';
import type { FeatureView } from './feature-view.js';
import { serializeFeatureView } from './feature-view-json.js';
import { FEATURE_VIEW_PROPERTY } from './feature-view-property.js';

/** A {@link ColumnDefinition} with nullability and doc always set. */
export type FeatureViewColumn = Required<ColumnDefinition>;

/** What creating a feature view's Iceberg table needs: its columns, partition spec and table properties. */
export interface FeatureViewTable {
  /** Join keys (entity order), then the event-time column, then the features (definition order). */
  columns: FeatureViewColumn[];
  /** The view's partition spec, by column name; default `[{ column: eventTimeColumn, transform: 'month' }]`. */
  partition: PartitionDefinition;
  /** `{ 'fti.feature-view': <serialized view> }`. */
  properties: Record<string, string>;
}

/**
 * Derives the Iceberg table of a feature view: join keys and the event-time column are required, features
 * are required only when declared so; each column's `doc` comes from the definition.
 */
export function deriveFeatureViewTable(view: FeatureView): FeatureViewTable {
  const columns: FeatureViewColumn[] = [];
  for (const entity of view.entities) {
    for (const key of entity.joinKeys) {
      const about = entity.description ? `: ${entity.description}` : '';
      columns.push({
        name: key.name,
        type: key.type,
        required: true,
        doc: `join key of entity ${entity.name}${about}`,
      });
    }
  }
  columns.push({
    name: view.eventTimeColumn,
    type: view.eventTimeType,
    required: true,
    doc: `event time: when the feature values became known (valid for ${view.ttl} after it)`,
  });
  for (const feature of view.features) {
    columns.push({
      name: feature.name,
      type: feature.type,
      required: feature.required,
      doc: feature.description,
    });
  }
  return {
    columns,
    partition: view.partition.map((field) => ({ ...field })),
    properties: { [FEATURE_VIEW_PROPERTY]: serializeFeatureView(view) },
  };
}
