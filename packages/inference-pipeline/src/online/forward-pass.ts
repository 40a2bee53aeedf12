import type { DenseModel, FeatureRows } from '@fti/model-runtime';

/**
 * A dense model's forward pass in plain JavaScript (float64 accumulation over the float32 weights): for a
 * handful of rows this beats uploading tensors, running kernels and reading them back, and agrees with the
 * tfjs pass to float32 rounding (about 1e-7). Returns row-major `rows × outputs` values, like predictProba.
 */
export function forwardPass(model: DenseModel, matrix: FeatureRows): Float64Array {
  let input: Float64Array | Float32Array = matrix.values;
  let width = matrix.width;
  for (const layer of model.layers) {
    const { units, kernel, bias, activation } = layer;
    const out = new Float64Array(matrix.rows * units);
    for (let r = 0; r < matrix.rows; r++) {
      const inBase = r * width;
      const outBase = r * units;
      for (let j = 0; j < units; j++) out[outBase + j] = bias[j]!;
      for (let i = 0; i < width; i++) {
        const x = input[inBase + i]!;
        if (x === 0) continue;
        const k = i * units;
        for (let j = 0; j < units; j++) out[outBase + j] = out[outBase + j]! + x * kernel[k + j]!;
      }
      activate(out, outBase, units, activation);
    }
    input = out;
    width = units;
  }
  return input instanceof Float64Array ? input : Float64Array.from(input);
}

function activate(out: Float64Array, base: number, units: number, activation: string): void {
  switch (activation) {
    case 'relu':
      for (let j = base; j < base + units; j++) if (out[j]! < 0) out[j] = 0;
      return;
    case 'sigmoid':
      for (let j = base; j < base + units; j++) out[j] = 1 / (1 + Math.exp(-out[j]!));
      return;
    case 'tanh':
      for (let j = base; j < base + units; j++) out[j] = Math.tanh(out[j]!);
      return;
    case 'softmax': {
      let max = Number.NEGATIVE_INFINITY;
      for (let j = base; j < base + units; j++) max = Math.max(max, out[j]!);
      let sum = 0;
      for (let j = base; j < base + units; j++) {
        out[j] = Math.exp(out[j]! - max);
        sum += out[j]!;
      }
      for (let j = base; j < base + units; j++) out[j] = out[j]! / sum;
      return;
    }
    default:
      return;
  }
}
