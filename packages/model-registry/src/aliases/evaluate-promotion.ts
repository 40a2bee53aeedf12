import type { ModelVersion } from '../records/model-version.js';
import type { CheckResult, PromotionDecision } from './alias-event.js';

/** A gate check: a bound on one of the candidate's metrics, or a result the caller computed. */
export type PromotionCheck =
  | {
      kind: 'metric';
      /** Metric of the candidate to bound. */
      metric: string;
      /** Inclusive lower bound (default none). */
      min?: number;
      /** Inclusive upper bound (default none). */
      max?: number;
    }
  | {
      kind: 'result';
      /** Name shown in the history (`no-leakage`, `latency-budget`). */
      name: string;
      passed: boolean;
      /** One line explaining the result (default empty). */
      detail?: string;
    };

/** What {@link evaluatePromotion} compares. */
export interface PromotionInputs {
  candidate: ModelVersion;
  /** The alias's current target, when set. */
  incumbent: ModelVersion | undefined;
  metric: string;
  margin: number;
  higherIsBetter: boolean;
  checks: readonly PromotionCheck[];
}

/**
 * Decides a promotion, purely: the candidate passes only if it beats the incumbent on `metric` by at least
 * `margin` (strictly better when `margin` is 0; any value when there is no incumbent) and every check passes.
 * Every reason for a refusal is listed.
 */
export function evaluatePromotion(inputs: PromotionInputs): PromotionDecision {
  const { candidate, incumbent, metric, margin, higherIsBetter } = inputs;
  const reasons: string[] = [];
  const candidateValue = candidate.metrics[metric] ?? null;
  const incumbentValue = incumbent === undefined ? null : (incumbent.metrics[metric] ?? null);
  let improvement: number | null = null;
  if (candidateValue === null) {
    reasons.push(`candidate version ${candidate.version} has no metric \`${metric}\``);
  }
  if (incumbent !== undefined) {
    if (incumbent.version === candidate.version) {
      reasons.push(`version ${candidate.version} is already the target`);
    } else if (incumbentValue === null) {
      reasons.push(
        `current version ${incumbent.version} has no metric \`${metric}\` to compare with; use setAlias to move it by hand`,
      );
    } else if (candidateValue !== null) {
      improvement = higherIsBetter ? candidateValue - incumbentValue : incumbentValue - candidateValue;
      const better = margin === 0 ? improvement > 0 : improvement >= margin;
      if (!better) {
        reasons.push(
          `\`${metric}\` ${candidateValue} does not beat version ${incumbent.version}'s ${incumbentValue} by ` +
            `${margin === 0 ? 'any margin' : `at least ${margin}`} (${higherIsBetter ? 'higher' : 'lower'} is better)`,
        );
      }
    }
  }
  const checks = inputs.checks.map((check) => runCheck(check, candidate));
  for (const check of checks) {
    if (!check.passed)
      reasons.push(`check \`${check.name}\` failed${check.detail === '' ? '' : `: ${check.detail}`}`);
  }
  return {
    candidate: candidate.version,
    incumbent: incumbent?.version ?? null,
    metric,
    higherIsBetter,
    margin,
    candidateValue,
    incumbentValue,
    improvement,
    checks,
    passed: reasons.length === 0,
    reasons,
  };
}

function runCheck(check: PromotionCheck, candidate: ModelVersion): CheckResult {
  if (check.kind === 'result') return { name: check.name, passed: check.passed, detail: check.detail ?? '' };
  const bounds = [
    ...(check.min === undefined ? [] : [`>= ${check.min}`]),
    ...(check.max === undefined ? [] : [`<= ${check.max}`]),
  ];
  const name = `${check.metric} ${bounds.join(' and ')}`.trim();
  const value = candidate.metrics[check.metric];
  if (value === undefined)
    return { name, passed: false, detail: `candidate has no metric \`${check.metric}\`` };
  const passed =
    (check.min === undefined || value >= check.min) && (check.max === undefined || value <= check.max);
  return { name, passed, detail: `${check.metric} = ${value}` };
}
