import { readLatestAliasEvent } from '../aliases/read-alias-events.js';
import { ModelNotFoundError } from '../errors.js';
import type { ModelRegistry } from '../open-model-registry.js';
import { type ModelRef, ModelRefSchema, type ModelVersionRef } from '../records/model-ref.js';
import { parseInput } from '../records/parse-input.js';

/**
 * Turns a reference into a pinned `{ name, version }`: a version ref is returned as is (after validation),
 * an alias ref is read from the alias's latest history event. Throws {@link ModelNotFoundError} for an
 * alias that was never set. Does not check that the version exists (see `getVersion`).
 */
export async function resolveModelRef(registry: ModelRegistry, ref: ModelRef): Promise<ModelVersionRef> {
  const valid = parseInput(ModelRefSchema, ref, 'ref');
  if ('version' in valid) return valid;
  const latest = await readLatestAliasEvent(registry, valid.name, valid.alias);
  if (latest?.version == null) {
    throw new ModelNotFoundError(
      valid.name,
      { alias: valid.alias },
      `point it at a version first with setAlias or promote (aliases are per model)`,
    );
  }
  return { name: valid.name, version: latest.version };
}
