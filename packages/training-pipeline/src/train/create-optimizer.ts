import type { OptimizerSpec } from './train-spec.js';

/** Applies one update to the parameters from their gradients (both flat, same layout). */
export interface Optimizer {
  step(parameters: Float32Array, gradients: Float32Array): void;
}

/**
 * The optimizer's update rule in plain JS over the flat parameter array: one loop per step instead of
 * several tensor ops per variable, which is most of a small network's per-step cost in tfjs. Moments are
 * kept in float64; parameters are stored back as float32.
 */
export function createOptimizer(spec: OptimizerSpec, size: number): Optimizer {
  if (spec.kind === 'adam') {
    const { learningRate, beta1, beta2, epsilon } = spec;
    const m = new Float64Array(size);
    const v = new Float64Array(size);
    let t = 0;
    return {
      step(parameters, gradients) {
        t += 1;
        // scikit-learn's form: the bias corrections fold into the step size.
        const rate = (learningRate * Math.sqrt(1 - beta2 ** t)) / (1 - beta1 ** t);
        for (let i = 0; i < size; i++) {
          const g = gradients[i]!;
          const mi = beta1 * m[i]! + (1 - beta1) * g;
          const vi = beta2 * v[i]! + (1 - beta2) * g * g;
          m[i] = mi;
          v[i] = vi;
          parameters[i] = parameters[i]! - (rate * mi) / (Math.sqrt(vi) + epsilon);
        }
      },
    };
  }
  const { learningRate, momentum, nesterov } = spec;
  const velocity = new Float64Array(size);
  return {
    step(parameters, gradients) {
      for (let i = 0; i < size; i++) {
        const g = gradients[i]!;
        const vi = momentum * velocity[i]! - learningRate * g;
        velocity[i] = vi;
        parameters[i] = parameters[i]! + (nesterov ? momentum * vi - learningRate * g : vi);
      }
    },
  };
}
