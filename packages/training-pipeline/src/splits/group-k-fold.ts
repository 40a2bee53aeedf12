import { InvalidInputError } from '../errors.js';
import { type GroupKeys, indexGroups } from './index-groups.js';
import type { Split } from './split.js';
import { splitFromMask } from './split-from-mask.js';

/** Options of {@link groupKFold}. */
export interface GroupKFoldOptions {
  /** Entity key per row. */
  groups: GroupKeys;
  /** Number of folds, >= 2 and <= the number of groups. */
  folds: number;
}

/**
 * K folds with no group in two folds, balanced as scikit-learn's `GroupKFold`: groups from largest to
 * smallest (ties by first appearance) each go to the fold with the fewest rows so far. Deterministic.
 * Fold f's validation is its rows; its train is every other row.
 */
export function groupKFold(options: GroupKFoldOptions): Split[] {
  const { folds } = options;
  const { ids, sizes } = indexGroups(options.groups);
  if (!Number.isInteger(folds) || folds < 2 || folds > sizes.length)
    throw new InvalidInputError(
      'folds',
      `is ${folds}; use an integer between 2 and the ${sizes.length} groups`,
    );
  const order = [...sizes.keys()].sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  const foldRows = new Array<number>(folds).fill(0);
  const foldOf = new Int32Array(sizes.length);
  for (const group of order) {
    let lightest = 0;
    for (let f = 1; f < folds; f++) if (foldRows[f]! < foldRows[lightest]!) lightest = f;
    foldOf[group] = lightest;
    foldRows[lightest]! += sizes[group]!;
  }
  return Array.from({ length: folds }, (_, f) => {
    const mask = new Uint8Array(ids.length);
    for (let i = 0; i < ids.length; i++) mask[i] = foldOf[ids[i]!] === f ? 1 : 0;
    return splitFromMask(mask);
  });
}
