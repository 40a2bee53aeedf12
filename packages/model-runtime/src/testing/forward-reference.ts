import type { DenseModel } from '../models/dense-model.js';

/** A dense model's float64 forward pass of one row, in plain JS: the reference every engine must match. */
export function forwardReference(model: DenseModel, row: Float32Array): number[] {
  let values = Array.from(row);
  for (const layer of model.layers) {
    const z = Array.from({ length: layer.units }, (_, j) => {
      let sum = layer.bias[j]!;
      for (let i = 0; i < layer.inputs; i++) sum += values[i]! * layer.kernel[i * layer.units + j]!;
      return sum;
    });
    if (layer.activation === 'softmax') {
      const max = Math.max(...z);
      const exp = z.map((v) => Math.exp(v - max));
      const total = exp.reduce((a, b) => a + b, 0);
      values = exp.map((v) => v / total);
    } else
      values = z.map((v) =>
        layer.activation === 'relu'
          ? Math.max(0, v)
          : layer.activation === 'sigmoid'
            ? 1 / (1 + Math.exp(-v))
            : layer.activation === 'tanh'
              ? Math.tanh(v)
              : v,
      );
  }
  return values;
}
