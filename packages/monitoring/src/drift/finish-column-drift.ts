import type { ColumnDrift, ColumnDriftStatus } from './column-drift.js';
import { DEFAULT_THRESHOLD, type DriftMethod, IS_TEST } from './drift-method.js';
import type { MethodScore } from './score-counts.js';

/** Inputs shared by numeric and categorical columns once the method has been scored. */
export interface FinishColumnDriftInput {
  column: string;
  columnType: 'numeric' | 'categorical';
  status: ColumnDriftStatus;
  method: DriftMethod | null;
  threshold?: number;
  result: MethodScore | null;
  reference: { count: number; missingCount: number };
  current: { count: number; missingCount: number };
}

/** Applies the threshold (p < t for tests, distance ≥ t for distances) and assembles a {@link ColumnDrift}. */
export function finishColumnDrift(input: FinishColumnDriftInput): ColumnDrift {
  const { method, result } = input;
  if (method === null || result === null) {
    return {
      column: input.column,
      columnType: input.columnType,
      status: input.status,
      method,
      score: null,
      statistic: null,
      pValue: null,
      threshold: method === null ? null : (input.threshold ?? DEFAULT_THRESHOLD[method]),
      drifted: false,
      reference: input.reference,
      current: input.current,
    };
  }
  const threshold = input.threshold ?? DEFAULT_THRESHOLD[method];
  const score = IS_TEST[method] ? result.pValue! : result.statistic;
  const drifted = input.status !== 'constant' && (IS_TEST[method] ? score < threshold : score >= threshold);
  return {
    column: input.column,
    columnType: input.columnType,
    status: input.status,
    method,
    score,
    statistic: result.statistic,
    pValue: result.pValue,
    threshold,
    drifted,
    reference: input.reference,
    current: input.current,
  };
}
