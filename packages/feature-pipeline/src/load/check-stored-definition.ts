import { loadTable, storedFeatureView, type TableEnv, TableNotFoundError } from '@fti/feature-store';
import {
  checkDefinitionVersion,
  type DefinitionVersionCheck,
  type RecordedDefinition,
} from '../definition/check-definition-version.js';
import { DEFINITION_HASH_TAG } from './feature-view-of.js';

/** Options of {@link checkStoredDefinition}. */
export interface CheckStoredDefinitionOptions {
  /** The parsed definition about to run. */
  definition: { name: string; version: number };
  /** Namespace of its tables (`features`, `labels`). */
  namespace: string;
}

/**
 * Compares a definition with what the warehouse recorded: the table of the same version
 * (`<namespace>.<name>_v<version>`) when it exists (same version with a different hash throws
 * `DefinitionVersionConflictError`: bump the version), else the highest version stored (a version below it
 * that never ran throws too). A new version gets a new table; an existing older version may re-run into its
 * own table, which rewrites nothing of the newer one.
 */
export async function checkStoredDefinition(
  env: TableEnv,
  options: CheckStoredDefinitionOptions,
): Promise<DefinitionVersionCheck> {
  const { definition, namespace } = options;
  const pattern = new RegExp(`^${definition.name}_v(\\d+)$`);
  const versions = (await env.catalog.listTables(namespace))
    .map((id) => Number(pattern.exec(id.name)?.[1] ?? Number.NaN))
    .filter((v) => Number.isInteger(v));
  const same = versions.includes(definition.version);
  const recordedVersion = same ? definition.version : Math.max(...versions);
  const previous =
    versions.length === 0 ? undefined : await recorded(env, namespace, definition.name, recordedVersion);
  return checkDefinitionVersion({ definition, previous });
}

async function recorded(
  env: TableEnv,
  namespace: string,
  name: string,
  version: number,
): Promise<RecordedDefinition | undefined> {
  try {
    const table = await loadTable(env, { namespace, name: `${name}_v${version}` });
    const hash = storedFeatureView(table)?.tags[DEFINITION_HASH_TAG];
    return hash === undefined ? undefined : { version, hash };
  } catch (error) {
    if (error instanceof TableNotFoundError) return undefined;
    throw error;
  }
}
