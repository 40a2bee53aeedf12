import { createMulberry32 } from '@fti/model-runtime';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { computeClassWeights } from './compute-class-weights.js';
import { expandClassWeights } from './expand-class-weights.js';
import { groupKFold } from './group-k-fold.js';
import type { Split } from './split.js';
import { splitByGroup } from './split-by-group.js';
import { splitByTime } from './split-by-time.js';
import { splitStratified } from './split-stratified.js';

function expectPartition(split: Split, n: number, covered = n): void {
  const seen = new Uint8Array(n);
  for (const i of [...split.train, ...split.validation]) seen[i]!++;
  expect(seen.filter((s) => s > 1).length).toBe(0);
  expect(split.train.length + split.validation.length).toBe(covered);
  for (const side of [split.train, split.validation])
    for (let j = 1; j < side.length; j++) expect(side[j]! > side[j - 1]!).toBe(true);
}

describe('splitStratified', () => {
  it('partitions rows and keeps each class within one row of the fraction (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 500 }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        fc.integer(),
        (raw, fraction, seed) => {
          const labels = Int32Array.from(raw);
          const split = splitStratified({
            labels,
            validationFraction: fraction,
            random: createMulberry32(seed),
          });
          expectPartition(split, labels.length);
          for (let c = 0; c <= 3; c++) {
            const total = raw.filter((l) => l === c).length;
            const inValidation = Array.from(split.validation).filter((i) => labels[i] === c).length;
            expect(Math.abs(inValidation - fraction * total)).toBeLessThanOrEqual(1);
          }
          const again = splitStratified({
            labels,
            validationFraction: fraction,
            random: createMulberry32(seed),
          });
          expect(again).toEqual(split);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('depends on the seed, and pins a small split', () => {
    const labels = Uint8Array.from({ length: 40 }, (_, i) => (i % 4 === 0 ? 1 : 0));
    const a = splitStratified({ labels, validationFraction: 0.25, random: createMulberry32(1) });
    const b = splitStratified({ labels, validationFraction: 0.25, random: createMulberry32(2) });
    // 10 positives → round(2.5) = 3, 30 negatives → round(7.5) = 8 (halves round up).
    expect(a.validation.length).toBe(11);
    expect(Array.from(a.validation).filter((i) => labels[i] === 1).length).toBe(3);
    expect(Array.from(a.validation)).not.toEqual(Array.from(b.validation));
    expect(() => splitStratified({ labels, validationFraction: 1, random: createMulberry32(1) })).toThrow(
      InvalidInputError,
    );
  });
});

describe('splitByTime', () => {
  it('trains strictly before the cutoff and validates in [cutoff, validationEnd)', () => {
    const timestamps = Float64Array.from([5, 1, 10, 3, 7, 12, 10]);
    expect(splitByTime({ timestamps, cutoff: 7 })).toEqual({
      train: Uint32Array.from([0, 1, 3]),
      validation: Uint32Array.from([2, 4, 5, 6]),
    });
    expect(splitByTime({ timestamps, cutoff: 7, validationEnd: 12 }).validation).toEqual(
      Uint32Array.from([2, 4, 6]),
    );
    expect(() => splitByTime({ timestamps: Float64Array.from([1, Number.NaN]), cutoff: 1 })).toThrow(
      /row 1 is NaN/,
    );
  });

  it('never validates on a row earlier than a training row (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 0, max: 1000 }),
        (raw, cutoff) => {
          const timestamps = Float64Array.from(raw);
          const split = splitByTime({ timestamps, cutoff });
          expectPartition(split, raw.length);
          const latestTrain = Math.max(...Array.from(split.train, (i) => raw[i]!), Number.NEGATIVE_INFINITY);
          for (const i of split.validation) expect(raw[i]!).toBeGreaterThan(latestTrain);
        },
      ),
    );
  });
});

describe('splitByGroup and groupKFold', () => {
  const groupsArb = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), {
    minLength: 2,
    maxLength: 300,
  });

  it('splitByGroup: no group on both sides, deterministic with the seed (property)', () => {
    fc.assert(
      fc.property(
        groupsArb,
        fc.double({ min: 0.1, max: 0.9, noNaN: true }),
        fc.integer(),
        (groups, fraction, seed) => {
          fc.pre(new Set(groups).size >= 2);
          const split = splitByGroup({
            groups,
            validationFraction: fraction,
            random: createMulberry32(seed),
          });
          expectPartition(split, groups.length);
          const trainGroups = new Set(Array.from(split.train, (i) => groups[i]));
          for (const i of split.validation) expect(trainGroups.has(groups[i]!)).toBe(false);
          expect(split.train.length).toBeGreaterThan(0);
          expect(split.validation.length).toBeGreaterThan(0);
          expect(
            splitByGroup({ groups, validationFraction: fraction, random: createMulberry32(seed) }),
          ).toEqual(split);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('groupKFold: each row validated exactly once, no group in two folds (property)', () => {
    fc.assert(
      fc.property(groupsArb, fc.integer({ min: 2, max: 4 }), (groups, folds) => {
        fc.pre(new Set(groups).size >= folds);
        const splits = groupKFold({ groups, folds });
        const validatedIn = new Int32Array(groups.length).fill(-1);
        splits.forEach((split, f) => {
          expectPartition(split, groups.length);
          expect(split.validation.length).toBeGreaterThan(0);
          for (const i of split.validation) {
            expect(validatedIn[i]).toBe(-1);
            validatedIn[i] = f;
          }
        });
        expect(validatedIn.every((f) => f >= 0)).toBe(true);
        const foldOfGroup = new Map<string, number>();
        groups.forEach((g, i) => {
          expect(foldOfGroup.get(g) ?? validatedIn[i]).toBe(validatedIn[i]);
          foldOfGroup.set(g, validatedIn[i]!);
        });
      }),
    );
  });

  it('groupKFold balances rows like scikit-learn GroupKFold', () => {
    const groups = Int32Array.from([0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 4]);
    expect(groupKFold({ groups, folds: 2 }).map((s) => s.validation.length)).toEqual([7, 7]);
    expect(() => groupKFold({ groups, folds: 6 })).toThrow(/between 2 and the 5 groups/);
  });
});

describe('class weights', () => {
  it('balanced weights give each class the same total weight', () => {
    const labels = Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
    const weights = computeClassWeights({ labels });
    expect(Array.from(weights)).toEqual([10 / 16, 10 / 4]);
    const rows = expandClassWeights(labels, weights);
    expect(rows.reduce((s, w, i) => s + (labels[i] === 0 ? w : 0), 0)).toBeCloseTo(5, 12);
    expect(rows.reduce((s, w, i) => s + (labels[i] === 1 ? w : 0), 0)).toBeCloseTo(5, 12);
    expect(() => computeClassWeights({ labels, numClasses: 3 })).toThrow(/no row of class 2/);
  });
});
