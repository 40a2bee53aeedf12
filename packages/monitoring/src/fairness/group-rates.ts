import { InvalidStatisticInputError } from '../errors.js';

/** Confusion counts and rates of one group of the sensitive column. */
export interface GroupRates {
  group: string;
  rows: number;
  /** Share predicted positive (fairlearn `selection_rate`). */
  selectionRate: number;
  /** TP / (TP + FN); null when the group has no positive label. */
  truePositiveRate: number | null;
  /** FP / (FP + TN); null when the group has no negative label. */
  falsePositiveRate: number | null;
  /** Share of positive labels. */
  positiveRate: number;
}

/**
 * Splits 0/1 labels and 0/1 predictions by group and computes each group's rates; groups sorted by name,
 * rows whose group is null skipped.
 * @throws InvalidStatisticInputError on unequal lengths or values other than 0/1.
 */
export function computeGroupRates(options: {
  groups: readonly (string | null)[];
  actual: Float64Array;
  predicted: Float64Array;
}): GroupRates[] {
  const { groups, actual, predicted } = options;
  if (actual.length !== groups.length || predicted.length !== groups.length) {
    throw new InvalidStatisticInputError(
      'groups',
      `has ${groups.length} rows but labels have ${actual.length} and predictions ${predicted.length}`,
    );
  }
  const counts = new Map<string, { tp: number; fp: number; fn: number; tn: number }>();
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i];
    if (group === null || group === undefined) continue;
    const y = actual[i]!;
    const p = predicted[i]!;
    if ((y !== 0 && y !== 1) || (p !== 0 && p !== 1)) {
      throw new InvalidStatisticInputError(
        'actual',
        `row ${i} has label ${y} and prediction ${p}; both must be 0 or 1`,
      );
    }
    let c = counts.get(group);
    if (!c) {
      c = { tp: 0, fp: 0, fn: 0, tn: 0 };
      counts.set(group, c);
    }
    if (y === 1) p === 1 ? c.tp++ : c.fn++;
    else p === 1 ? c.fp++ : c.tn++;
  }
  return [...counts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([group, c]) => {
      const rows = c.tp + c.fp + c.fn + c.tn;
      return {
        group,
        rows,
        selectionRate: (c.tp + c.fp) / rows,
        truePositiveRate: c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : null,
        falsePositiveRate: c.fp + c.tn > 0 ? c.fp / (c.fp + c.tn) : null,
        positiveRate: (c.tp + c.fn) / rows,
      };
    });
}
