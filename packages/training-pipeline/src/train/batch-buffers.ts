import type { Task } from '@fti/model-runtime';
import type { TrainingSet } from './training-set.js';

/** One mini-batch in JS memory, in the layouts the gradient step uploads. */
export interface BatchBuffers {
  /** Rows in this batch (the last batch of an epoch may be short). */
  rows: number;
  /** Row-major `rows × width` features. */
  x: Float32Array;
  /** The same features transposed (`width × rows`), for the first layer's weight gradient. */
  xT: Float32Array;
  /** Row-major `rows × outputs` targets: 0/1, one-hot classes, or values. */
  target: Float32Array;
  /** Per row: its loss weight over the batch size (times 2 for squared error), scaling the output gradient. */
  scale: Float32Array;
  /** Sample weight per row (1 when none given), for the reported loss. */
  weight: Float64Array;
}

/** Buffers for batches of up to `batchSize` rows. */
export function createBatchBuffers(batchSize: number, width: number, outputs: number): BatchBuffers {
  return {
    rows: 0,
    x: new Float32Array(batchSize * width),
    xT: new Float32Array(batchSize * width),
    target: new Float32Array(batchSize * outputs),
    scale: new Float32Array(batchSize),
    weight: new Float64Array(batchSize),
  };
}

/**
 * Gathers rows `order[start .. start + rows)` of a training set into `buffers`. On wasm the upload that
 * follows is a heap copy, cheaper than gathering on the device with an index tensor.
 */
export function fillBatch(
  buffers: BatchBuffers,
  set: TrainingSet,
  task: Task,
  order: Uint32Array,
  start: number,
  rows: number,
): void {
  const { width, values } = set.x;
  const { x, xT, target, scale, weight } = buffers;
  const outputs = task.kind === 'multiclass' ? task.numClasses : 1;
  const lossFactor = task.kind === 'regression' ? 2 : 1;
  if (task.kind === 'multiclass') target.fill(0, 0, rows * outputs);
  buffers.rows = rows;
  for (let r = 0; r < rows; r++) {
    const row = order[start + r]!;
    const source = row * width;
    const base = r * width;
    for (let c = 0; c < width; c++) {
      const value = values[source + c]!;
      x[base + c] = value;
      xT[c * rows + r] = value;
    }
    const label = set.y[row]!;
    if (task.kind === 'multiclass') target[r * outputs + label] = 1;
    else target[r] = label;
    const w = set.sampleWeight ? set.sampleWeight[row]! : 1;
    weight[r] = w;
    scale[r] = (lossFactor * w) / rows;
  }
}
