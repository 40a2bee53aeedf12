import { InvalidStatisticInputError } from '../errors.js';
import type { CategoricalColumn } from './categorical-column.js';
import type { CategoricalProfile } from './categorical-profile.js';

/**
 * Counts a dictionary-encoded column per category: one pass over the codes, then the categories sorted by
 * name with zero-count entries dropped. Returns the shape of a {@link CategoricalProfile}, so it builds
 * reference profiles and counts current windows alike.
 * @throws InvalidStatisticInputError when a code points past the dictionary.
 */
export function countCategories(column: CategoricalColumn): CategoricalProfile {
  const { codes, dictionary } = column;
  const byCode = new Float64Array(dictionary.length);
  let missingCount = 0;
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!;
    if (code < 0) {
      missingCount++;
      continue;
    }
    if (code >= dictionary.length) {
      throw new InvalidStatisticInputError(
        'codes',
        `row ${i} has code ${code} but the dictionary has ${dictionary.length} entries`,
      );
    }
    byCode[code] = byCode[code]! + 1;
  }
  const totals = new Map<string, number>();
  for (let c = 0; c < dictionary.length; c++) {
    if (byCode[c]! > 0) totals.set(dictionary[c]!, (totals.get(dictionary[c]!) ?? 0) + byCode[c]!);
  }
  const categories = [...totals.keys()].sort();
  return {
    kind: 'categorical',
    count: codes.length - missingCount,
    missingCount,
    categories,
    counts: Float64Array.from(categories, (name) => totals.get(name)!),
  };
}
