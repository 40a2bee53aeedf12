import { type BinaryEvaluation, evaluateBinary } from '../evaluation/evaluate-binary.js';
import { evaluateBySegment } from '../evaluation/evaluate-by-segment.js';
import { type ThresholdObjective, tuneThreshold } from '../evaluation/tune-threshold.js';

/** Options of {@link evaluateCandidate}. */
export interface EvaluateCandidateOptions {
  /** Scores and labels of the tuning rows: the threshold is chosen here, never on validation. */
  tuning: { yTrue: Uint8Array; yScore: Float64Array };
  /** Scores and labels of the validation rows: every reported metric. */
  validation: { yTrue: Uint8Array; yScore: Float64Array };
  objective: ThresholdObjective;
  /** Segment value per validation row (e.g. country), when reporting per segment. */
  segment?: { column: string; values: readonly (string | null)[]; minRows: number };
}

/** Registry-ready results: flat finite metrics, per-segment metrics and the full evaluation. */
export interface CandidateEvaluation {
  /** `roc_auc`, `pr_auc`, `log_loss`, `brier`, `accuracy`, `precision`, `recall`, `f1`, `threshold`, … */
  metrics: Record<string, number>;
  segments: { column: string; segment: string; count: number; metrics: Record<string, number> }[];
  evaluation: BinaryEvaluation;
}

/**
 * Chooses the decision threshold on the tuning rows (max F1 or min cost), then evaluates the validation rows
 * at it: every binary metric overall and per segment (segments below `minRows` left out). Metrics that are
 * undefined on a segment (one class) are omitted there.
 */
export function evaluateCandidate(options: EvaluateCandidateOptions): CandidateEvaluation {
  const tuned = tuneThreshold({ ...options.tuning, objective: options.objective });
  // A threshold of Infinity (predict nothing) cannot be stored as JSON; any score < 1 + ε behaves the same.
  const threshold = Number.isFinite(tuned.threshold) ? tuned.threshold : 1 + Number.EPSILON;
  const evaluation = evaluateBinary({ ...options.validation, threshold });
  const segments: CandidateEvaluation['segments'] = [];
  if (options.segment) {
    const reports = evaluateBySegment({
      segment: options.segment.values,
      task: { kind: 'binary', ...options.validation, threshold },
    });
    for (const report of reports) {
      if (report.rows < options.segment.minRows) continue;
      segments.push({
        column: options.segment.column,
        segment: report.segment ?? '(missing)',
        count: report.rows,
        metrics: flatMetrics(report.metrics),
      });
    }
  }
  return { metrics: flatMetrics(evaluation), segments, evaluation };
}

function flatMetrics(e: BinaryEvaluation): Record<string, number> {
  const metrics: Record<string, number> = {
    accuracy: e.accuracy,
    precision: e.precision,
    recall: e.recall,
    f1: e.f1,
    pr_auc: e.averagePrecision,
    log_loss: e.logLoss,
    brier: e.brierScore,
    threshold: e.threshold,
    positives: e.positives,
    rows: e.rows,
  };
  if (e.rocAuc !== null) metrics.roc_auc = e.rocAuc;
  return metrics;
}
