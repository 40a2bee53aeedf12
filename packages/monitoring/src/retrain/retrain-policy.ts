/** The process exit code of a monitoring job whose retraining policy fired (0 = healthy, 1 = the job failed). */
export const RETRAIN_EXIT_CODE = 3;

/** When to retrain; a rule left out never fires. */
export interface RetrainPolicy {
  /** Fire when the share of drifted features is at least this (e.g. 0.5). */
  maxDriftShare?: number;
  /** Fire when any performance metric degraded beyond its rule. */
  onMetricDegradation?: boolean;
  /** Fire when the model is older than this many days. */
  maxModelAgeDays?: number;
}

/** What a run observed, as the policy reads it. */
export interface RetrainSignals {
  driftShare: number;
  /** Names of the degraded metrics (empty when none or no labels). */
  degradedMetrics: string[];
  /** When the model was trained, epoch ms; default unknown (the age rule cannot fire). */
  modelTrainedAt?: number;
  /** The run date, epoch ms. */
  now: number;
}

/** Applies a {@link RetrainPolicy}: fires when any rule does, with one reason per rule that fired. */
export function evaluateRetrainPolicy(
  policy: RetrainPolicy,
  signals: RetrainSignals,
): { fire: boolean; reasons: string[] } {
  const reasons: string[] = [];
  if (policy.maxDriftShare !== undefined && signals.driftShare >= policy.maxDriftShare) {
    reasons.push(
      `drift share ${signals.driftShare.toFixed(2)} ≥ ${policy.maxDriftShare} (policy maxDriftShare)`,
    );
  }
  if (policy.onMetricDegradation && signals.degradedMetrics.length > 0) {
    reasons.push(`metrics degraded: ${signals.degradedMetrics.join(', ')} (policy onMetricDegradation)`);
  }
  if (policy.maxModelAgeDays !== undefined && signals.modelTrainedAt !== undefined) {
    const ageDays = (signals.now - signals.modelTrainedAt) / 86_400_000;
    if (ageDays > policy.maxModelAgeDays) {
      reasons.push(
        `model is ${ageDays.toFixed(1)} days old > ${policy.maxModelAgeDays} (policy maxModelAgeDays)`,
      );
    }
  }
  return { fire: reasons.length > 0, reasons };
}
