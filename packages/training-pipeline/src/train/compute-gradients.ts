import type { DenseLayer, LayerActivation } from '@fti/model-runtime';
import { applyDense, type LayerTensors, readTensorInto } from '@fti/model-runtime';
import * as tf from '@tensorflow/tfjs-core';
import type { BatchBuffers } from './batch-buffers.js';
import type { FlatParameters } from './flat-parameters.js';

/** What one gradient step reads and writes besides the batch. */
export interface GradientStep {
  /** The model's layers (shapes and activations). */
  layers: DenseLayer[];
  /** Current weights; read, not changed. */
  parameters: FlatParameters;
  /** Receives ∂loss/∂weight for every weight, same layout as `parameters` (L2 not included). */
  gradients: FlatParameters;
  /** Receives the batch's outputs (before the update), row-major `rows × outputs`, for the reported loss. */
  predictions: Float32Array;
  /** Inverted-dropout keep masks per hidden layer (`rows × units`, 0 or 1/(1 − rate)); none without dropout. */
  dropoutMasks?: Float32Array[];
  /** A `1 × batchSize` tensor of ones, kept across steps (bias gradients are `ones · δ`). */
  ones: tf.Tensor2D;
}

/**
 * Forward and backward pass of one mini-batch with hand-written gradients, so a step is a dozen kernels
 * and no autodiff tape: fused matMul + bias + activation forward; δ = (output − target) · scale at the
 * output (sigmoid + cross-entropy, softmax + cross-entropy and linear + squared error all reduce to it);
 * then per layer ∂W = inputᵀ · δ, ∂b = 1ᵀ · δ and δ ← (δ · Wᵀ) ⊙ f′(h). Every matMul is untransposed:
 * tfjs-wasm hands those to XNNPACK and runs transposed ones through a scalar loop, so inputs are
 * transposed explicitly (the first layer's from the pre-transposed batch). Runs inside `tf.tidy`.
 */
export function computeGradients(step: GradientStep, batch: BatchBuffers): void {
  tf.tidy(() => {
    const { layers, parameters, gradients, dropoutMasks } = step;
    const rows = batch.rows;
    const width = layers[0]!.inputs;
    const outputs = layers[layers.length - 1]!.units;
    const uploaded: LayerTensors[] = layers.map((layer, index) => ({
      kernel: tf.tensor2d(parameters.layers[index]!.kernel, [layer.inputs, layer.units], 'float32'),
      bias: tf.tensor1d(parameters.layers[index]!.bias, 'float32'),
      activation: layer.activation,
    }));
    const x = tf.tensor2d(batch.x.subarray(0, rows * width), [rows, width], 'float32');
    // inputs[l] feeds layer l (after dropout); hidden[l] is layer l's activation before dropout.
    const inputs: tf.Tensor2D[] = [x];
    const hidden: tf.Tensor2D[] = [];
    const masks: tf.Tensor2D[] = [];
    for (let l = 0; l < layers.length - 1; l++) {
      const h = applyDense(uploaded[l]!, inputs[l]!);
      hidden.push(h);
      const mask = dropoutMasks?.[l];
      if (mask) {
        const maskTensor = tf.tensor2d(mask.subarray(0, rows * layers[l]!.units), [rows, layers[l]!.units]);
        masks.push(maskTensor);
        inputs.push(tf.mul(h, maskTensor));
      } else inputs.push(h);
    }
    const output = applyDense(uploaded[layers.length - 1]!, inputs[layers.length - 1]!);
    readTensorInto(output, step.predictions.subarray(0, rows * outputs));
    const target = tf.tensor2d(batch.target.subarray(0, rows * outputs), [rows, outputs], 'float32');
    const scale = tf.tensor2d(batch.scale.subarray(0, rows), [rows, 1], 'float32');
    let delta: tf.Tensor2D = tf.mul(tf.sub(output, target), scale);
    const ones = rows === step.ones.shape[1] ? step.ones : tf.ones([1, rows]);
    for (let l = layers.length - 1; l >= 0; l--) {
      const inputT =
        l === 0
          ? tf.tensor2d(batch.xT.subarray(0, rows * width), [width, rows], 'float32')
          : tf.transpose(inputs[l]!);
      readTensorInto(tf.matMul(inputT, delta), gradients.layers[l]!.kernel);
      readTensorInto(tf.matMul(ones, delta), gradients.layers[l]!.bias);
      if (l === 0) break;
      const kernelT = tf.transpose(uploaded[l]!.kernel);
      let upstream: tf.Tensor2D = tf.matMul(delta, kernelT);
      const mask = masks[l - 1];
      if (mask) upstream = tf.mul(upstream, mask);
      delta = multiplyByDerivative(upstream, hidden[l - 1]!, layers[l - 1]!.activation);
    }
  });
}

/** δ ⊙ f′ expressed through the activation's output h. */
function multiplyByDerivative(
  upstream: tf.Tensor2D,
  h: tf.Tensor2D,
  activation: LayerActivation,
): tf.Tensor2D {
  switch (activation) {
    case 'relu':
      return tf.mul(upstream, tf.step(h));
    case 'sigmoid':
      return tf.mul(upstream, tf.mul(h, tf.sub(1, h)));
    case 'tanh':
      return tf.mul(upstream, tf.sub(1, tf.square(h)));
    default:
      return upstream;
  }
}
