import type { CurrentColumn } from '../drift/compute-drift.js';
import { type BuildNumericProfileOptions, buildNumericProfile } from './build-numeric-profile.js';
import { countCategories } from './count-categories.js';
import type { ColumnProfile } from './serialize-profile.js';

/**
 * Profiles every reference column once: numeric columns with {@link buildNumericProfile}, categorical ones
 * as counts per category. Store the result (see `serializeProfile`) so drift runs never re-read the data.
 */
export function buildReferenceProfiles(
  columns: Record<string, CurrentColumn>,
  options: BuildNumericProfileOptions = {},
): Record<string, ColumnProfile> {
  const profiles: Record<string, ColumnProfile> = {};
  for (const [name, column] of Object.entries(columns)) {
    profiles[name] =
      column instanceof Float64Array ? buildNumericProfile(column, options) : countCategories(column);
  }
  return profiles;
}
