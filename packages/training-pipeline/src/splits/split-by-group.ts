import type { RandomSource } from '@fti/model-runtime';
import { InvalidInputError } from '../errors.js';
import { shuffleInPlace } from '../random/shuffle-in-place.js';
import { checkFraction } from './check-fraction.js';
import { type GroupKeys, indexGroups } from './index-groups.js';
import type { Split } from './split.js';
import { splitFromMask } from './split-from-mask.js';

/** Options of {@link splitByGroup}. */
export interface SplitByGroupOptions {
  /** Entity key per row (customer id, …): all rows of an entity land on the same side. */
  groups: GroupKeys;
  /** Target share of rows in validation, in (0, 1); reached as closely as whole groups allow. */
  validationFraction: number;
  /** Seeded random source, e.g. `createMulberry32(seed)`. */
  random: RandomSource;
}

/**
 * Grouped random split: groups are shuffled and each is sent to validation when that brings the validation
 * row count closer to the target. No group is on both sides; both sides are non-empty with two or more groups.
 */
export function splitByGroup(options: SplitByGroupOptions): Split {
  checkFraction(options.validationFraction);
  const { ids, sizes } = indexGroups(options.groups);
  if (sizes.length < 2)
    throw new InvalidInputError(
      'groups',
      `holds ${sizes.length} distinct group(s); a grouped split needs at least 2`,
    );
  const target = options.validationFraction * ids.length;
  const order = shuffleInPlace(Uint32Array.from(sizes.keys()), options.random);
  const inValidation = new Uint8Array(sizes.length);
  let rows = 0;
  let chosen = 0;
  for (const group of order) {
    const size = sizes[group]!;
    if (Math.abs(rows + size - target) < Math.abs(rows - target) && chosen < sizes.length - 1) {
      inValidation[group] = 1;
      rows += size;
      chosen++;
    }
  }
  if (chosen === 0) inValidation[order[0]!] = 1;
  const mask = new Uint8Array(ids.length);
  for (let i = 0; i < ids.length; i++) mask[i] = inValidation[ids[i]!]!;
  return splitFromMask(mask);
}
