import { InvalidInputError } from '../errors.js';
import { type BinaryEvaluation, type EvaluateBinaryOptions, evaluateBinary } from './evaluate-binary.js';
import { evaluateMulticlass, type MulticlassEvaluation } from './evaluate-multiclass.js';
import { evaluateRegression, type RegressionEvaluation } from './evaluate-regression.js';
import { groupRowsBySegment } from './group-rows-by-segment.js';
import type { MulticlassInput } from './multiclass-input.js';
import type { RegressionInput } from './regression-input.js';
import { takeMatrixRows, takeRows } from './take-rows.js';

/** Which evaluation to run per segment, with its full-data input. */
export type SegmentTask =
  | ({ kind: 'binary' } & EvaluateBinaryOptions)
  | ({ kind: 'multiclass' } & MulticlassInput)
  | ({ kind: 'regression' } & RegressionInput);

/** The evaluation type matching a {@link SegmentTask}. */
export type SegmentEvaluation<T extends SegmentTask> = T extends { kind: 'binary' }
  ? BinaryEvaluation
  : T extends { kind: 'multiclass' }
    ? MulticlassEvaluation
    : RegressionEvaluation;

/** Options of {@link evaluateBySegment}. */
export interface EvaluateBySegmentOptions<T extends SegmentTask> {
  /** The categorical column to slice by, one value per row (`null` is its own segment). */
  segment: readonly (string | null)[];
  task: T;
}

/** One segment's metrics. */
export interface SegmentReport<T extends SegmentTask> {
  /** The segment value; `null` for rows with a missing value. */
  segment: string | null;
  rows: number;
  metrics: SegmentEvaluation<T>;
}

/**
 * The same metrics as the whole-data evaluation, computed on each segment's rows (segments sorted,
 * `null` last). Metrics undefined on a segment (ROC AUC with one class) are `null` there, with the reason.
 */
export function evaluateBySegment<T extends SegmentTask>(
  options: EvaluateBySegmentOptions<T>,
): SegmentReport<T>[] {
  const { segment, task } = options;
  if (segment.length !== task.yTrue.length)
    throw new InvalidInputError('segment', `has ${segment.length} rows but yTrue has ${task.yTrue.length}`);
  return groupRowsBySegment(segment).map(({ key, rows }) => ({
    segment: key,
    rows: rows.length,
    metrics: evaluateRows(task, rows) as SegmentEvaluation<T>,
  }));
}

function evaluateRows(
  task: SegmentTask,
  rows: Uint32Array,
): BinaryEvaluation | MulticlassEvaluation | RegressionEvaluation {
  const sampleWeight =
    task.sampleWeight === undefined ? {} : { sampleWeight: takeRows(task.sampleWeight, rows) };
  switch (task.kind) {
    case 'binary': {
      const { kind: _kind, yTrue, yScore, sampleWeight: _w, ...rest } = task;
      return evaluateBinary({
        ...rest,
        yTrue: takeRows(yTrue, rows),
        yScore: takeRows(yScore, rows),
        ...sampleWeight,
      });
    }
    case 'multiclass':
      return evaluateMulticlass({
        yTrue: takeRows(task.yTrue, rows),
        yProba: takeMatrixRows(task.yProba, task.numClasses, rows),
        numClasses: task.numClasses,
        ...sampleWeight,
      });
    case 'regression':
      return evaluateRegression({
        yTrue: takeRows(task.yTrue, rows),
        yPred: takeRows(task.yPred, rows),
        ...sampleWeight,
      });
  }
}
