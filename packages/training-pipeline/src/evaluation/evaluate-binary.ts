import type { BinaryConfusion } from './binary-confusion.js';
import type { BinaryInput } from './binary-input.js';
import { checkBinaryInput } from './check-binary-input.js';
import { computeAveragePrecision } from './compute-average-precision.js';
import { computeBrierScore } from './compute-brier-score.js';
import { type CalibrationBin, computeCalibrationBins } from './compute-calibration-bins.js';
import { computeConfusion } from './compute-confusion.js';
import { computeLogLoss } from './compute-log-loss.js';
import { computeRocAuc } from './compute-roc-auc.js';
import { type ConfusionScores, scoreConfusion } from './score-confusion.js';
import { computeOrNull, type UndefinedMetric } from './undefined-metric.js';

/** Options of {@link evaluateBinary}. */
export interface EvaluateBinaryOptions extends BinaryInput {
  /** Predict positive when `yScore >= threshold`; default 0.5 (use `tuneThreshold` to choose one). */
  threshold?: number;
  /** Reliability bins; default 10. */
  calibrationBins?: number;
  /** Reliability bin edges; default `uniform`. */
  calibrationStrategy?: 'uniform' | 'quantile';
}

/** Every binary metric of one evaluation; plain JSON. */
export interface BinaryEvaluation extends ConfusionScores {
  rows: number;
  /** Total weight of positive rows (a count without weights). */
  positives: number;
  threshold: number;
  confusion: BinaryConfusion;
  /** `null` when undefined (one class only); see `undefinedMetrics`. */
  rocAuc: number | null;
  /** Average precision (step-wise PR AUC). */
  averagePrecision: number;
  logLoss: number;
  brierScore: number;
  /** Unweighted reliability bins. */
  calibration: CalibrationBin[];
  undefinedMetrics: UndefinedMetric[];
}

/** Computes all binary metrics of probabilities against labels (see each metric's conventions). */
export function evaluateBinary(options: EvaluateBinaryOptions): BinaryEvaluation {
  const input: BinaryInput = { yTrue: options.yTrue, yScore: options.yScore };
  if (options.sampleWeight !== undefined) input.sampleWeight = options.sampleWeight;
  checkBinaryInput(input, { probabilities: true });
  const threshold = options.threshold ?? 0.5;
  const confusion = computeConfusion({ ...input, threshold });
  const undefinedMetrics: UndefinedMetric[] = [];
  return {
    rows: input.yTrue.length,
    positives: confusion.tp + confusion.fn,
    threshold,
    confusion,
    ...scoreConfusion(confusion),
    rocAuc: computeOrNull(() => computeRocAuc(input), undefinedMetrics),
    averagePrecision: computeAveragePrecision(input),
    logLoss: computeLogLoss(input),
    brierScore: computeBrierScore(input),
    calibration: computeCalibrationBins({
      yTrue: input.yTrue,
      yProb: input.yScore,
      bins: options.calibrationBins ?? 10,
      strategy: options.calibrationStrategy ?? 'uniform',
    }),
    undefinedMetrics,
  };
}
