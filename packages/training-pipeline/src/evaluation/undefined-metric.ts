import { UndefinedMetricError } from '../errors.js';

/** A metric an evaluation report could not compute, with the reason (e.g. ROC AUC on one class). */
export interface UndefinedMetric {
  metric: string;
  reason: string;
}

/**
 * Runs `compute`; an {@link UndefinedMetricError} becomes `null` plus an entry in `undefinedMetrics`,
 * any other error propagates.
 */
export function computeOrNull(compute: () => number, undefinedMetrics: UndefinedMetric[]): number | null {
  try {
    return compute();
  } catch (error) {
    if (!(error instanceof UndefinedMetricError)) throw error;
    undefinedMetrics.push({ metric: error.metric, reason: error.message });
    return null;
  }
}
