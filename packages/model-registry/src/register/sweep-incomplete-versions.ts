import { parseVersionKey } from '../layout/registry-keys.js';
import type { ModelRegistry } from '../open-model-registry.js';
import { ModelNameSchema } from '../records/names.js';
import { parseInput } from '../records/parse-input.js';
import type { VersionClaim } from './allocate-version.js';
import { discardVersion } from './discard-version.js';

/** Options of {@link sweepIncompleteVersions}. */
export interface SweepIncompleteVersionsOptions {
  /** Model to sweep. */
  name: string;
  /** Only sweep versions claimed at least this long ago, in ms (default one hour), so live registrations finish. */
  olderThanMs?: number;
}

const decoder = new TextDecoder();

/**
 * Deletes the files of registrations that never finished (a crashed process: claim and artifacts but no
 * `version.json`) once their claim is older than `olderThanMs`. Claims stay, so numbers are not reused.
 * Returns the swept version numbers. Incomplete versions are invisible to every reader even before a sweep.
 */
export async function sweepIncompleteVersions(
  registry: ModelRegistry,
  options: SweepIncompleteVersionsOptions,
): Promise<number[]> {
  const name = parseInput(ModelNameSchema, options.name, 'name');
  const cutoff = registry.now() - (options.olderThanMs ?? 3_600_000);
  const prefix = registry.keys.versionsPrefix(name);
  const files = new Map<number, string[]>();
  for (const object of await registry.store.list(prefix)) {
    const parsed = parseVersionKey(prefix, object.key);
    if (parsed !== undefined) files.set(parsed.version, [...(files.get(parsed.version) ?? []), parsed.rest]);
  }
  const swept: number[] = [];
  for (const [version, rests] of [...files.entries()].sort(([a], [b]) => a - b)) {
    if (rests.includes('version.json') || rests.every((rest) => rest === '_allocated.json')) continue;
    if (rests.includes('_allocated.json')) {
      const claim = JSON.parse(decoder.decode(await registry.store.get(registry.keys.marker(name, version))));
      if ((claim as VersionClaim).claimedAtMs > cutoff) continue;
    }
    await discardVersion(registry, name, version);
    swept.push(version);
  }
  return swept;
}
