import type { Task } from '@fti/model-runtime';
import type { BatchBuffers } from './batch-buffers.js';

// Probabilities come back as float32, so clip at float32's resolution rather than float64's.
const EPS = 1e-7;

/**
 * Σ weight · loss over a batch's rows, from the outputs the step computed before updating: binary and
 * multiclass cross-entropy in nats, squared error for regression.
 */
export function sumBatchLoss(task: Task, batch: BatchBuffers, predictions: Float32Array): number {
  const { rows, target, weight } = batch;
  let total = 0;
  if (task.kind === 'multiclass') {
    const k = task.numClasses;
    for (let r = 0; r < rows; r++) {
      let p = 0;
      for (let c = 0; c < k; c++) if (target[r * k + c] === 1) p = predictions[r * k + c]!;
      total -= weight[r]! * Math.log(Math.min(Math.max(p, EPS), 1));
    }
    return total;
  }
  for (let r = 0; r < rows; r++) {
    const p = predictions[r]!;
    const y = target[r]!;
    if (task.kind === 'regression') total += weight[r]! * (p - y) * (p - y);
    else {
      const q = Math.min(Math.max(p, EPS), 1 - EPS);
      total -= weight[r]! * (y === 1 ? Math.log(q) : Math.log(1 - q));
    }
  }
  return total;
}
