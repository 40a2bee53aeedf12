import { InvalidInputError } from '../errors.js';
import type { FittedPreprocessor } from './fitted-preprocessor.js';
import { listFeatureNames } from './list-feature-names.js';

/**
 * Checks a fitted preprocessor read back from JSON (e.g. from the model registry) before it transforms
 * anything: format and version, every feature's shape, and feature names that match the features.
 */
export function readFittedPreprocessor(value: unknown): FittedPreprocessor {
  const fail = (problem: string): never => {
    throw new InvalidInputError(
      'fittedPreprocessor',
      `${problem}; re-fit it or load the file saved with the model`,
    );
  };
  if (typeof value !== 'object' || value === null) return fail('is not an object');
  const candidate = value as Partial<FittedPreprocessor>;
  if (candidate.format !== 'fti-preprocessor' || candidate.version !== 1)
    return fail(
      `has format ${String(candidate.format)} version ${String(candidate.version)}, expected fti-preprocessor 1`,
    );
  if (!Array.isArray(candidate.features) || !Array.isArray(candidate.featureNames))
    return fail('lacks features or featureNames');
  for (const [index, feature] of candidate.features.entries()) {
    const where = `feature ${index}`;
    if (typeof feature?.column !== 'string') fail(`${where} has no column name`);
    if (feature.kind === 'numeric') {
      if (feature.impute !== null && !Number.isFinite(feature.impute?.value))
        fail(`${where} has a non-finite impute value`);
      if (typeof feature.log1p !== 'boolean') fail(`${where} has no log1p flag`);
      const s = feature.scale;
      if (
        s !== null &&
        !(Number.isFinite(s?.scale) && Number.isFinite(s?.kind === 'minmax' ? s.min : s?.center))
      )
        fail(`${where} has a malformed scale`);
    } else if (feature.kind === 'one-hot') {
      if (!Array.isArray(feature.categories) || !Array.isArray(feature.infrequent))
        fail(`${where} lacks categories`);
    } else fail(`${where} has unknown kind ${String((feature as { kind?: unknown }).kind)}`);
  }
  const names = listFeatureNames(candidate.features);
  if (names.join('\n') !== candidate.featureNames.join('\n'))
    fail('has featureNames that do not match its features');
  return candidate as FittedPreprocessor;
}
