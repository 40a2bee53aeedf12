import type { DenseLayer, DenseModel } from '@fti/model-runtime';

/**
 * A model's weights in one Float32Array (layer by layer: kernel, then bias), with per-layer views, so the
 * optimizer updates every parameter in one loop and gradients land in a twin array of the same layout.
 */
export interface FlatParameters {
  values: Float32Array;
  /** Views into `values`, one per layer. */
  layers: { kernel: Float32Array; bias: Float32Array }[];
  /** 1 where the value is a kernel weight (L2-penalised), 0 for biases. */
  isKernel: Uint8Array;
}

/** Lays out `layers`' shapes in a flat array, filled from `source` when given (else zeros). */
export function createFlatParameters(layers: DenseLayer[], source?: DenseLayer[]): FlatParameters {
  const total = layers.reduce((sum, layer) => sum + layer.kernel.length + layer.bias.length, 0);
  const values = new Float32Array(total);
  const isKernel = new Uint8Array(total);
  let offset = 0;
  const views = layers.map((layer, index) => {
    const kernel = values.subarray(offset, offset + layer.kernel.length);
    isKernel.fill(1, offset, offset + layer.kernel.length);
    offset += layer.kernel.length;
    const bias = values.subarray(offset, offset + layer.bias.length);
    offset += layer.bias.length;
    if (source) {
      kernel.set(source[index]!.kernel);
      bias.set(source[index]!.bias);
    }
    return { kernel, bias };
  });
  return { values, layers: views, isKernel };
}

/** A standalone model holding a copy of the flat weights. */
export function toDenseModel(template: DenseModel, parameters: Float32Array): DenseModel {
  let offset = 0;
  const layers = template.layers.map((layer) => {
    const kernel = parameters.slice(offset, offset + layer.kernel.length);
    offset += layer.kernel.length;
    const bias = parameters.slice(offset, offset + layer.bias.length);
    offset += layer.bias.length;
    return { ...layer, kernel, bias };
  });
  return { spec: template.spec, inputWidth: template.inputWidth, layers };
}
