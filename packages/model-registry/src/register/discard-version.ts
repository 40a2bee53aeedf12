import type { ModelRegistry } from '../open-model-registry.js';

/**
 * Deletes every object of an incomplete version except its `_allocated.json` claim, which stays so the
 * number is never handed out again. The record is deleted first so a half-deleted version is never visible.
 */
export async function discardVersion(registry: ModelRegistry, name: string, version: number): Promise<void> {
  const marker = registry.keys.marker(name, version);
  const record = registry.keys.record(name, version);
  await registry.store.delete([record]);
  const keys = (await registry.store.list(registry.keys.versionRoot(name, version)))
    .map((object) => object.key)
    .filter((key) => key !== marker);
  await registry.store.delete(keys);
}
