import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { DenseModel } from './dense-model.js';

/** Name of the exported Sequential model; layers are `dense_0`, `dense_1`, … (fixed, so bytes are reproducible). */
export const LAYERS_MODEL_NAME = 'fti_dense';

/**
 * A standard tfjs `Sequential` of `Dense` layers holding the model's weights: what `tf.loadLayersModel`
 * loads in Node and the browser. Dropout is left out (it is the identity at inference). The caller
 * disposes the returned model (`model.dispose()`).
 */
export function toLayersModel(model: DenseModel): tfl.Sequential {
  const sequential = tfl.sequential({ name: LAYERS_MODEL_NAME });
  model.layers.forEach((layer, index) => {
    sequential.add(
      tfl.layers.dense({
        name: `dense_${index}`,
        units: layer.units,
        activation: layer.activation,
        ...(index === 0 ? { inputShape: [layer.inputs] } : {}),
      }),
    );
  });
  tf.tidy(() => {
    sequential.setWeights(
      model.layers.flatMap((layer) => [
        tf.tensor2d(layer.kernel, [layer.inputs, layer.units], 'float32'),
        tf.tensor1d(layer.bias, 'float32'),
      ]),
    );
  });
  return sequential;
}
