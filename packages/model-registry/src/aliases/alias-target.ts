import type { ModelRegistry } from '../open-model-registry.js';
import { getVersion } from '../read/get-version.js';

/** Most earlier targets an alias remembers for rollbacks. */
export const ROLLBACK_DEPTH = 100;

/** Validates that `version` of `name` is a complete registration (throws `ModelNotFoundError` otherwise). */
export async function requireVersion(registry: ModelRegistry, name: string, version: number): Promise<void> {
  await getVersion(registry, { name, version });
}

/** The rollback stack after moving an alias from `current` to a new target. */
export function pushTarget(stack: readonly number[], current: number | null, next: number): number[] {
  if (current === null || current === next) return [...stack];
  return [...stack, current].slice(-ROLLBACK_DEPTH);
}
