import { STORAGE_KEYS } from './storage-config.js';

/** A job config split into its storage fields and the rest (which the job's own schema validates). */
export interface SplitConfig {
  storage: Record<string, unknown>;
  rest: Record<string, unknown>;
}

/** Takes the storage fields (`warehouse`, `catalog`, `engine`, `athena`, `registry`, `aws`) out of a job config. */
export function splitStorageFields(raw: Record<string, unknown>): SplitConfig {
  const storage: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if ((STORAGE_KEYS as readonly string[]).includes(key)) storage[key] = value;
    else rest[key] = value;
  }
  return { storage, rest };
}
