import type { RandomSource } from '@fti/model-runtime';
import { InvalidInputError } from '../errors.js';
import { shuffleInPlace } from '../random/shuffle-in-place.js';
import { checkFraction } from './check-fraction.js';
import type { Split } from './split.js';
import { splitFromMask } from './split-from-mask.js';

/** Options of {@link splitStratified}. */
export interface SplitStratifiedOptions {
  /** Class per row (0/1 for binary, 0 .. k − 1 for multiclass). */
  labels: Uint8Array | Int32Array;
  /** Share of each class sent to validation, in (0, 1). */
  validationFraction: number;
  /** Seeded random source, e.g. `createMulberry32(seed)`. */
  random: RandomSource;
}

/**
 * Stratified random split: each class's rows are shuffled and `round(fraction · classRows)` of them go to
 * validation, so every class's validation share is within one row of the fraction. Same seed, same split.
 */
export function splitStratified(options: SplitStratifiedOptions): Split {
  const { labels, validationFraction, random } = options;
  checkFraction(validationFraction);
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    if (label < 0) throw new InvalidInputError('labels', `row ${i} is ${label}; classes must be >= 0`);
    let rows = byClass.get(label);
    if (rows === undefined) {
      rows = [];
      byClass.set(label, rows);
    }
    rows.push(i);
  }
  const mask = new Uint8Array(labels.length);
  for (const label of [...byClass.keys()].sort((a, b) => a - b)) {
    const rows = shuffleInPlace(Uint32Array.from(byClass.get(label)!), random);
    const take = Math.round(validationFraction * rows.length);
    for (let j = 0; j < take; j++) mask[rows[j]!] = 1;
  }
  return splitFromMask(mask);
}
