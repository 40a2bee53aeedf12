import { InvalidInputError } from '../errors.js';
import type { BinaryConfusion } from './binary-confusion.js';
import { buildBinaryCurve } from './binary-curve.js';
import type { BinaryInput } from './binary-input.js';
import { checkBinaryInput } from './check-binary-input.js';
import { type ConfusionScores, scoreConfusion } from './score-confusion.js';

/** What the threshold should optimise: maximum F1, or minimum total misclassification cost. */
export type ThresholdObjective =
  | { kind: 'f1' }
  | {
      kind: 'cost';
      /** Cost of one (unit-weight) false positive, >= 0. */
      falsePositiveCost: number;
      /** Cost of one (unit-weight) false negative, >= 0. */
      falseNegativeCost: number;
    };

/** Options of {@link tuneThreshold}. */
export interface TuneThresholdOptions extends BinaryInput {
  objective: ThresholdObjective;
}

/** The chosen threshold with its confusion matrix, metrics and cost. */
export interface TunedThreshold extends ConfusionScores {
  /** Predict positive when `score >= threshold`; `Infinity` means predict nothing positive. */
  threshold: number;
  confusion: BinaryConfusion;
  /** fp·falsePositiveCost + fn·falseNegativeCost (0 costs for the `f1` objective). */
  cost: number;
}

/**
 * Scans every distinct score as a threshold (plus `Infinity`, predict none) in one pass over the sorted
 * curve, O(n log n), and returns the best by the objective. Ties go to the highest threshold (fewest
 * positive predictions).
 */
export function tuneThreshold(options: TuneThresholdOptions): TunedThreshold {
  checkBinaryInput(options);
  const curve = buildBinaryCurve(options);
  const { objective } = options;
  if (objective.kind === 'cost')
    for (const key of ['falsePositiveCost', 'falseNegativeCost'] as const)
      if (!Number.isFinite(objective[key]) || objective[key] < 0)
        throw new InvalidInputError(
          `objective.${key}`,
          `is ${objective[key]}; costs must be finite and >= 0`,
        );
  const fpCost = objective.kind === 'cost' ? objective.falsePositiveCost : 0;
  const fnCost = objective.kind === 'cost' ? objective.falseNegativeCost : 0;
  const at = (threshold: number, tp: number, fp: number): TunedThreshold => {
    const confusion = { tp, fp, tn: curve.negatives - fp, fn: curve.positives - tp };
    const cost = confusion.fp * fpCost + confusion.fn * fnCost;
    return { threshold, confusion, cost, ...scoreConfusion(confusion) };
  };
  let best = at(Number.POSITIVE_INFINITY, 0, 0);
  for (let i = 0; i < curve.thresholds.length; i++) {
    const candidate = at(curve.thresholds[i]!, curve.tps[i]!, curve.fps[i]!);
    const better = objective.kind === 'f1' ? candidate.f1 > best.f1 : candidate.cost < best.cost;
    if (better) best = candidate;
  }
  return best;
}
