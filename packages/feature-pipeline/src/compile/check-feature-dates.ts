import { IsoDateSchema, MAX_FEATURE_DATES } from '../definition/feature-dates.js';
import { InvalidDefinitionError } from '../errors.js';

/**
 * Checks the feature dates of a compile call (non-empty, at most {@link MAX_FEATURE_DATES}, each an existing
 * `YYYY-MM-DD`, no duplicates) and returns them ascending. Throws {@link InvalidDefinitionError} on
 * `options.featureDates`.
 */
export function checkFeatureDates(featureDates: readonly string[]): string[] {
  const fail = (path: string, reason: string): never => {
    throw new InvalidDefinitionError('options', path, reason);
  };
  if (featureDates.length === 0) fail('featureDates', 'give at least one feature date');
  if (featureDates.length > MAX_FEATURE_DATES)
    fail('featureDates', `${featureDates.length} dates; at most ${MAX_FEATURE_DATES} per query`);
  const seen = new Set<string>();
  featureDates.forEach((date, i) => {
    if (!IsoDateSchema.safeParse(date).success)
      fail(`featureDates[${i}]`, `${JSON.stringify(date)} is not an existing ISO date YYYY-MM-DD`);
    if (seen.has(date)) fail(`featureDates[${i}]`, `${date} is listed twice`);
    seen.add(date);
  });
  return [...seen].sort();
}
