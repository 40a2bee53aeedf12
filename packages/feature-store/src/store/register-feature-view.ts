import { InvalidInputError, TableNotFoundError } from '../errors.js';
import type { FeatureView } from '../features/feature-view.js';
import { parseFeatureView, serializeFeatureView } from '../features/feature-view-json.js';
import { FEATURE_VIEW_PROPERTY } from '../features/feature-view-property.js';
import { deriveFeatureViewTable } from '../features/feature-view-table.js';
import type { WritableType } from '../iceberg/schema.js';
import { createTable, loadTable } from '../table/create-table.js';
import type { Table, TableEnv } from '../table/table-env.js';
import { FEATURES_NAMESPACE, featureViewTableId } from './feature-view-table-id.js';

/** Options of {@link registerFeatureView}. */
export interface RegisterFeatureViewOptions {
  /** Namespace of feature tables. Default `features`. */
  namespace?: string;
}

/**
 * Creates the Iceberg table of a feature view version (keys and event time required, partitioned as the view
 * says, the definition stored in the `fti.feature-view` property), or loads it when it exists. A stored
 * definition that differs from `view` is an error: change the version instead of rewriting history.
 */
export async function registerFeatureView(
  env: TableEnv,
  view: FeatureView,
  options: RegisterFeatureViewOptions = {},
): Promise<Table> {
  const id = featureViewTableId(view, options.namespace ?? FEATURES_NAMESPACE);
  try {
    const table = await loadTable(env, id);
    assertSameDefinition(view, table);
    return table;
  } catch (error) {
    if (!(error instanceof TableNotFoundError)) throw error;
  }
  const derived = deriveFeatureViewTable(view);
  return createTable(env, {
    ...id,
    // Feature views only use writable primitive types (FeatureTypeSchema), a subset of WritableType.
    columns: derived.columns.map((c) => ({ ...c, type: c.type as WritableType })),
    partition: derived.partition.map((p) => ({ column: p.column, transform: p.transform })),
    properties: derived.properties,
  });
}

/** The feature view stored with a table, or undefined for a plain table. */
export function storedFeatureView(table: Table): FeatureView | undefined {
  const json = table.loaded.metadata.properties[FEATURE_VIEW_PROPERTY];
  return json === undefined ? undefined : parseFeatureView(json);
}

function assertSameDefinition(view: FeatureView, table: Table): void {
  const stored = storedFeatureView(table);
  const { namespace, name } = table.loaded.identifier;
  if (!stored) {
    throw new InvalidInputError(`table \`${namespace}.${name}\` exists but holds no feature view definition`);
  }
  if (serializeFeatureView(stored) !== serializeFeatureView(view)) {
    throw new InvalidInputError(
      `feature view \`${view.name}\` version ${view.version} is already registered with a different definition; bump its version to change it`,
    );
  }
}
