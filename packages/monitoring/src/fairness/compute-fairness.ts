import { computeCalibrationByGroup, type GroupCalibration } from './calibration-by-group.js';
import { computeGroupRates, type GroupRates } from './group-rates.js';

/** Fairness of a model's decisions across the groups of one sensitive or segment column. */
export interface FairnessReport {
  column: string;
  groups: GroupRates[];
  /** max − min selection rate (fairlearn `demographic_parity_difference`). */
  demographicParityDifference: number;
  /** max − min true positive rate (Hardt et al. 2016; fairlearn ≥ 0.11 `equal_opportunity_difference`); null when < 2 groups have positives. */
  equalOpportunityDifference: number | null;
  /** max of the TPR and FPR differences (fairlearn `equalized_odds_difference`, agg `worst_case`). */
  equalizedOddsDifference: number | null;
  /** min / max selection rate (fairlearn `demographic_parity_ratio`); 1 when every rate is 0. */
  disparateImpactRatio: number;
  /** The four-fifths rule (US EEOC): the disparate impact ratio is at least 0.8. */
  fourFifthsRulePassed: boolean;
  /** Present when probabilities were given. */
  calibration: GroupCalibration[] | null;
}

/**
 * Computes the group fairness metrics fairlearn defines (`fairlearn.metrics`, v0.10 docs: "Common fairness
 * metrics"): differences are between the largest and smallest group value (`method='between_groups'`).
 */
export function computeFairness(options: {
  column: string;
  groups: readonly (string | null)[];
  /** 0/1 labels. */
  actual: Float64Array;
  /** 0/1 decisions. */
  predicted: Float64Array;
  /** Positive-class probabilities, for calibration per group; default none. */
  probabilities?: Float64Array;
  /** Calibration bins; default 10. */
  bins?: number;
}): FairnessReport {
  const groups = computeGroupRates(options);
  const selection = groups.map((g) => g.selectionRate);
  const tpr = groups.flatMap((g) => (g.truePositiveRate === null ? [] : [g.truePositiveRate]));
  const fpr = groups.flatMap((g) => (g.falsePositiveRate === null ? [] : [g.falsePositiveRate]));
  const spread = (xs: number[]) => (xs.length >= 2 ? Math.max(...xs) - Math.min(...xs) : null);
  const tprDiff = spread(tpr);
  const fprDiff = spread(fpr);
  const maxSelection = selection.length ? Math.max(...selection) : 0;
  const disparateImpactRatio = maxSelection > 0 ? Math.min(...selection) / maxSelection : 1;
  return {
    column: options.column,
    groups,
    demographicParityDifference: spread(selection) ?? 0,
    equalOpportunityDifference: tprDiff,
    equalizedOddsDifference:
      tprDiff === null && fprDiff === null ? null : Math.max(tprDiff ?? 0, fprDiff ?? 0),
    disparateImpactRatio,
    fourFifthsRulePassed: disparateImpactRatio >= 0.8,
    calibration: options.probabilities
      ? computeCalibrationByGroup({
          groups: options.groups,
          actual: options.actual,
          probabilities: options.probabilities,
          ...(options.bins ? { bins: options.bins } : {}),
        })
      : null,
  };
}
