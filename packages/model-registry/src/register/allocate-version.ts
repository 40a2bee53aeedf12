import { parseVersionKey } from '../layout/registry-keys.js';
import type { ModelRegistry } from '../open-model-registry.js';

/** The claim stored in a version's `_allocated.json`. */
export interface VersionClaim {
  /** Id of the registration that owns the version. */
  registrationId: string;
  /** Claim time, milliseconds since the Unix epoch. */
  claimedAtMs: number;
}

const encoder = new TextEncoder();

/**
 * Claims the next free version number of `name`: starts after the highest number already claimed (complete
 * or not) and creates `_allocated.json` with `putIfAbsent`, moving up one on every lost race. Numbers are
 * never reused, so racing registrations always end up with distinct versions.
 */
export async function allocateVersion(
  registry: ModelRegistry,
  name: string,
  claim: VersionClaim,
): Promise<number> {
  const prefix = registry.keys.versionsPrefix(name);
  let highest = 0;
  for (const object of await registry.store.list(prefix)) {
    const parsed = parseVersionKey(prefix, object.key);
    if (parsed !== undefined && parsed.version > highest) highest = parsed.version;
  }
  const body = encoder.encode(`${JSON.stringify(claim)}\n`);
  // Each lost race means another registration took that number, so this ends after at most as many steps
  // as there are concurrent registrations.
  for (let version = highest + 1; ; version++) {
    if (await registry.store.putIfAbsent(registry.keys.marker(name, version), body)) return version;
  }
}
