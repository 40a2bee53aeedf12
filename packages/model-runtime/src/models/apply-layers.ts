import * as tf from '@tensorflow/tfjs-core';
import type { DenseLayer, LayerActivation } from './dense-model.js';

/** A dense layer's weights uploaded as tensors (the caller disposes them). */
export interface LayerTensors {
  kernel: tf.Tensor2D;
  bias: tf.Tensor1D;
  activation: LayerActivation;
}

/** Uploads each layer's kernel and bias; dispose the tensors (or call inside `tf.tidy`) when done. */
export function uploadLayers(layers: DenseLayer[]): LayerTensors[] {
  return layers.map((layer) => ({
    kernel: tf.tensor2d(layer.kernel, [layer.inputs, layer.units], 'float32'),
    bias: tf.tensor1d(layer.bias, 'float32'),
    activation: layer.activation,
  }));
}

/**
 * One dense layer on a batch: a single fused matMul + bias (+ relu or sigmoid) kernel where the backend
 * fuses them, else the activation as a separate op. Call inside `tf.tidy`.
 */
export function applyDense(layer: LayerTensors, x: tf.Tensor2D): tf.Tensor2D {
  const { activation } = layer;
  const fused = activation === 'relu' || activation === 'sigmoid' ? activation : 'linear';
  const z: tf.Tensor2D = tf.fused.matMul({
    a: x,
    b: layer.kernel,
    bias: layer.bias,
    activation: fused,
  }) as tf.Tensor2D;
  if (activation === 'tanh') return tf.tanh(z) as tf.Tensor2D;
  if (activation === 'softmax') return tf.softmax(z) as tf.Tensor2D;
  return z;
}

/** The whole network's output on a batch (probabilities or values). Call inside `tf.tidy`. */
export function applyLayers(layers: LayerTensors[], x: tf.Tensor2D): tf.Tensor2D {
  let out = x;
  for (const layer of layers) out = applyDense(layer, out);
  return out;
}
