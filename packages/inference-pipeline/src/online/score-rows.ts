import { applyPreprocessor, ColumnValueError, predictProba, taskOf } from '@fti/model-runtime';
import { forwardPass } from './forward-pass.js';
import { InvalidRequestError } from './online-errors.js';
import type { OnlineModel } from './online-model.js';

/** One scored row. */
export interface OnlinePrediction {
  /** Binary: P(label = 1); multiclass: the top class's probability; regression: the predicted value. */
  score: number;
  /** Binary: 1 when score ≥ the model's threshold, else 0; multiclass: the top class; regression: null. */
  predictedClass: number | null;
}

/** Options of {@link scoreRows}. */
export interface ScoreRowsOptions {
  /** JSON path of row i, for messages. Default `rows[i]`. */
  path?: (row: number) => string;
  /**
   * Batches up to this many rows take the plain-JS forward pass; larger ones the tfjs backend (one upload,
   * fused kernels). Default 256, where the two cost about the same on the Online Retail model.
   */
  jsMaxRows?: number;
}

/**
 * Scores request rows with a model exactly as batch scoring does (same columns, same fitted preprocessing,
 * same weights): validates them against the signature, preprocesses, and runs the forward pass.
 * @throws InvalidRequestError naming the field at fault (also for a value the preprocessing refuses, such
 *   as a negative value under log1p).
 */
export async function scoreRows(
  model: OnlineModel,
  rows: readonly unknown[],
  options: ScoreRowsOptions = {},
): Promise<OnlinePrediction[]> {
  const path = options.path ?? ((row: number) => `rows[${row}]`);
  const columns = model.read(rows, { path });
  const { servable } = model;
  let matrix: ReturnType<typeof applyPreprocessor>;
  try {
    matrix = applyPreprocessor(servable.preprocessor, columns);
  } catch (error) {
    if (!(error instanceof ColumnValueError)) throw error;
    const at = error.row === undefined ? 'rows' : path(error.row);
    const problem = error.message.replace(/^column `[^`]*`( \(row \d+\))?: /, '');
    throw new InvalidRequestError([{ field: `${at}.${error.column}`, message: problem }], { cause: error });
  }
  const outputs =
    matrix.rows <= (options.jsMaxRows ?? 256)
      ? forwardPass(servable.model, matrix)
      : await predictProba(servable.model, matrix);
  const task = taskOf(servable.model.spec);
  const predictions = new Array<OnlinePrediction>(matrix.rows);
  if (task.kind === 'multiclass') {
    const k = task.numClasses;
    for (let r = 0; r < matrix.rows; r++) {
      let best = 0;
      for (let c = 1; c < k; c++) if (outputs[r * k + c]! > outputs[r * k + best]!) best = c;
      predictions[r] = { score: outputs[r * k + best]!, predictedClass: best };
    }
    return predictions;
  }
  for (let r = 0; r < matrix.rows; r++) {
    const score = outputs[r]!;
    predictions[r] = {
      score,
      predictedClass: task.kind === 'binary' ? (score >= servable.threshold ? 1 : 0) : null,
    };
  }
  return predictions;
}
