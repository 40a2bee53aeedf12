import { ObjectNotFoundError } from '@fti/feature-store';
import { CorruptModelError, ModelNotFoundError } from '../errors.js';
import type { ModelRegistry } from '../open-model-registry.js';
import type { ModelRef } from '../records/model-ref.js';
import type { ModelVersion } from '../records/model-version.js';
import { parseModelVersion } from '../records/model-version-json.js';
import { resolveModelRef } from './resolve-model-ref.js';

/**
 * Reads the record of a complete version, named by `{ name, version }` or `{ name, alias }`. A version whose
 * registration never finished (no `version.json`) does not exist. Throws {@link ModelNotFoundError} or, for a
 * damaged record, {@link CorruptModelError}.
 */
export async function getVersion(registry: ModelRegistry, ref: ModelRef): Promise<ModelVersion> {
  const { name, version } = await resolveModelRef(registry, ref);
  const key = registry.keys.record(name, version);
  let bytes: Uint8Array;
  try {
    bytes = await registry.store.get(key);
  } catch (error) {
    if (!(error instanceof ObjectNotFoundError)) throw error;
    throw new ModelNotFoundError(
      name,
      { version },
      `list the registered versions with listVersions(registry, '${name}')`,
      { cause: error },
    );
  }
  const record = parseModelVersion(bytes, key);
  if (record.name !== name || record.version !== version) {
    throw new CorruptModelError(
      `\`${key}\` holds ${record.name} version ${record.version}, not ${name} version ${version}; it was copied or moved by hand`,
      key,
    );
  }
  return record;
}
