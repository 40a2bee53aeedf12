import { parseVersionKey } from '../layout/registry-keys.js';
import type { ModelRegistry } from '../open-model-registry.js';
import type { ModelVersion } from '../records/model-version.js';
import { ModelNameSchema } from '../records/names.js';
import { parseInput } from '../records/parse-input.js';
import { getVersion } from './get-version.js';

/** Version numbers of `name` that have a `version.json` (complete registrations), ascending. */
export async function listVersionNumbers(registry: ModelRegistry, name: string): Promise<number[]> {
  const prefix = registry.keys.versionsPrefix(name);
  const versions: number[] = [];
  for (const object of await registry.store.list(prefix)) {
    const parsed = parseVersionKey(prefix, object.key);
    if (parsed?.rest === 'version.json') versions.push(parsed.version);
  }
  return versions.sort((a, b) => a - b);
}

/**
 * Records of every complete version of a model, ascending by version; empty for an unknown model.
 * Incomplete registrations (no `version.json`) are skipped.
 */
export async function listVersions(registry: ModelRegistry, name: string): Promise<ModelVersion[]> {
  const valid = parseInput(ModelNameSchema, name, 'name');
  const versions = await listVersionNumbers(registry, valid);
  return Promise.all(versions.map((version) => getVersion(registry, { name: valid, version })));
}
