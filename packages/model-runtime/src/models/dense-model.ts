import type { Activation, ModelSpec, Task } from './model-spec.js';

/** Activation applied to a dense layer's output: a hidden activation or the task's output function. */
export type LayerActivation = Activation | 'linear' | 'softmax';

/** One dense layer: `y = activation(x · kernel + bias)`. */
export interface DenseLayer {
  /** Inputs (rows of the kernel). */
  inputs: number;
  /** Outputs (columns of the kernel). */
  units: number;
  /** Row-major `inputs × units` weights: `kernel[i * units + j]` links input i to unit j. */
  kernel: Float32Array;
  /** One bias per unit. */
  bias: Float32Array;
  activation: LayerActivation;
}

/**
 * A feed-forward model as plain data: its spec, input width and weights. It holds no tensors, so it can be
 * kept, copied and compared freely; training returns a new one, prediction uploads it per call.
 */
export interface DenseModel {
  spec: ModelSpec;
  /** Width of the feature matrix the model reads. */
  inputWidth: number;
  /** Layers from input to output; the last one is the output layer. */
  layers: DenseLayer[];
}

/** Outputs per row: 1 for binary (P(y = 1)) and regression, `numClasses` for multiclass. */
export function countOutputs(task: Task): number {
  return task.kind === 'multiclass' ? task.numClasses : 1;
}

/** The task a spec solves (linear regression's is implied). */
export function taskOf(spec: ModelSpec): Task {
  return spec.kind === 'linear-regression' ? { kind: 'regression' } : spec.task;
}
