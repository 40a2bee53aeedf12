import { ObjectNotFoundError, type ObjectStore } from '@fti/feature-store';
import { buildReferenceProfiles } from '../profile/build-reference-profiles.js';
import {
  type ColumnProfile,
  parseProfile,
  type SerializedColumnProfile,
  serializeProfile,
} from '../profile/serialize-profile.js';
import type { Frame } from './frame.js';
import { MonitoringInputError } from './monitoring-input-error.js';

/** A reference computed once and stored: profiles plus what the quality checks need (rows, days, schema). */
export interface StoredProfile {
  kind: 'fti.reference-profile';
  version: 1;
  description: string;
  rows: number;
  days: number | null;
  schema: Record<string, string>;
  profiles: Record<string, SerializedColumnProfile>;
}

/** A reference ready for a run: parsed profiles and the frame facts. */
export interface Reference {
  description: string;
  rows: number;
  days: number | null;
  schema: Record<string, string>;
  profiles: Record<string, ColumnProfile>;
}

/** Profiles a reference frame once (see `buildReferenceProfiles`). */
export function profileFrame(frame: Frame): Reference {
  return {
    description: frame.description,
    rows: frame.rows,
    days: frame.days,
    schema: frame.types,
    profiles: buildReferenceProfiles(frame.columns),
  };
}

/** Writes a reference as JSON under `key` (replacing it). */
export async function writeStoredProfile(
  store: ObjectStore,
  key: string,
  reference: Reference,
): Promise<void> {
  const stored: StoredProfile = {
    kind: 'fti.reference-profile',
    version: 1,
    description: reference.description,
    rows: reference.rows,
    days: reference.days,
    schema: reference.schema,
    profiles: Object.fromEntries(
      Object.entries(reference.profiles).map(([n, p]) => [n, serializeProfile(p)]),
    ),
  };
  await store.put(key, new TextEncoder().encode(JSON.stringify(stored)));
}

/**
 * Reads a reference written by {@link writeStoredProfile}.
 * @throws MonitoringInputError when the key is missing or holds something else.
 */
export async function readStoredProfile(store: ObjectStore, key: string): Promise<Reference> {
  const found = await findStoredProfile(store, key);
  if (found === null) {
    throw new MonitoringInputError(
      key,
      `no stored reference profile at \`${key}\`; run once with a table reference and outputs.saveReferenceProfile: ${key}`,
    );
  }
  return found;
}

/**
 * Like {@link readStoredProfile}, but null when nothing is stored under `key`.
 * @throws MonitoringInputError when the key holds something else than a stored profile.
 */
export async function findStoredProfile(store: ObjectStore, key: string): Promise<Reference | null> {
  let bytes: Uint8Array;
  try {
    bytes = await store.get(key);
  } catch (error) {
    if (error instanceof ObjectNotFoundError) return null;
    throw error;
  }
  let stored: StoredProfile;
  try {
    stored = JSON.parse(new TextDecoder().decode(bytes)) as StoredProfile;
  } catch (error) {
    throw new MonitoringInputError(key, `\`${key}\` is not valid JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (stored?.kind !== 'fti.reference-profile' || stored.version !== 1) {
    throw new MonitoringInputError(
      key,
      `\`${key}\` is not an fti reference profile (kind ${String(stored?.kind)}); point reference.key at a file written by saveReferenceProfile`,
    );
  }
  return {
    description: `${stored.description} (stored profile ${key})`,
    rows: stored.rows,
    days: stored.days,
    schema: stored.schema,
    profiles: Object.fromEntries(Object.entries(stored.profiles).map(([n, p]) => [n, parseProfile(p)])),
  };
}
