import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients.js';
import type { ModelSpecInput } from '@fti/model-runtime';
import { applyLayers, createModel, createMulberry32, selectBackend, uploadLayers } from '@fti/model-runtime';
import { makeRows } from '@fti/model-runtime/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBatchBuffers, fillBatch } from './batch-buffers.js';
import { computeGradients } from './compute-gradients.js';
import { createFlatParameters } from './flat-parameters.js';

beforeAll(async () => {
  await selectBackend({ prefer: 'wasm' });
});

/** The same loss written with plain tf ops, differentiated by tfjs' autodiff (the reference). */
function autodiffGradients(
  spec: ModelSpecInput,
  kind: string,
  x: tf.Tensor2D,
  target: tf.Tensor2D,
  scale: tf.Tensor2D,
  model: ReturnType<typeof createModel>,
): Float32Array {
  return tf.tidy(() => {
    const layers = uploadLayers(model.layers);
    const variables = layers.flatMap((layer) => [layer.kernel, layer.bias]);
    const grads = tf.grads((...weights: tf.Tensor[]) => {
      const rebuilt = layers.map((layer, i) => ({
        ...layer,
        kernel: weights[2 * i] as tf.Tensor2D,
        bias: weights[2 * i + 1] as tf.Tensor1D,
      }));
      const out = applyLayers(rebuilt, x);
      const eps = 1e-7;
      const perRow =
        kind === 'binary'
          ? tf.neg(
              tf.add(
                tf.mul(target, tf.log(tf.add(out, eps))),
                tf.mul(tf.sub(1, target), tf.log(tf.sub(1 + eps, out))),
              ),
            )
          : kind === 'multiclass'
            ? tf.neg(tf.sum(tf.mul(target, tf.log(tf.add(out, eps))), 1, true))
            : tf.div(tf.square(tf.sub(out, target)), 2);
      return tf.sum(tf.mul(perRow, scale));
    })(variables);
    void spec;
    return Float32Array.from(grads.flatMap((g) => Array.from(g.dataSync())));
  });
}

describe('computeGradients', () => {
  const cases: [string, ModelSpecInput, number][] = [
    ['binary relu MLP', { kind: 'mlp', task: { kind: 'binary' }, hiddenLayers: [7, 5] }, 2],
    [
      'binary sigmoid MLP',
      { kind: 'mlp', task: { kind: 'binary' }, hiddenLayers: [6], activation: 'sigmoid' },
      2,
    ],
    [
      'multiclass tanh MLP',
      { kind: 'mlp', task: { kind: 'multiclass', numClasses: 3 }, hiddenLayers: [6], activation: 'tanh' },
      3,
    ],
    ['linear regression', { kind: 'linear-regression' }, 0],
  ];
  for (const [name, spec, classes] of cases) {
    it(`matches tfjs autodiff on a ${name}`, () => {
      const kind = classes === 0 ? 'regression' : classes === 2 ? 'binary' : 'multiclass';
      const task = kind === 'multiclass' ? ({ kind, numClasses: 3 } as const) : ({ kind } as const);
      const random = createMulberry32(3);
      const rows = makeRows({
        rows: 40,
        width: 4,
        seed: 11,
        labels: (n) => (kind === 'regression' ? new Float64Array(n) : new Int32Array(n)),
        label: (x, noise) =>
          kind === 'regression' ? x[0]! + noise : Math.floor(random() * Math.max(classes, 1)),
      });
      const model = createModel(spec, 4, { seed: 5 });
      // Non-zero biases so their gradients flow through every path.
      for (const layer of model.layers)
        for (let i = 0; i < layer.bias.length; i++) layer.bias[i] = random() - 0.5;
      const outputs = model.layers.at(-1)!.units;
      const batch = createBatchBuffers(40, 4, outputs);
      const set = {
        x: rows.x,
        y: rows.y,
        sampleWeight: Float64Array.from({ length: 40 }, () => random() * 2),
      };
      fillBatch(
        batch,
        set,
        task,
        Uint32Array.from({ length: 40 }, (_, i) => 39 - i),
        0,
        40,
      );
      const parameters = createFlatParameters(model.layers, model.layers);
      const gradients = createFlatParameters(model.layers);
      const ones = tf.ones([1, 40]) as tf.Tensor2D;
      computeGradients(
        { layers: model.layers, parameters, gradients, predictions: new Float32Array(40 * outputs), ones },
        batch,
      );
      ones.dispose();
      // The reference sees the same rows, targets and per-row scale (halved for squared error: δ = 2(z − y)·w/n).
      const reference = tf.tidy(() =>
        autodiffGradients(
          spec,
          kind,
          tf.tensor2d(batch.x, [40, 4]),
          tf.tensor2d(batch.target, [40, outputs]),
          tf.tensor2d(batch.scale, [40, 1]),
          model,
        ),
      );
      expect(gradients.values.length).toBe(reference.length);
      let worst = 0;
      for (let i = 0; i < reference.length; i++)
        worst = Math.max(worst, Math.abs(gradients.values[i]! - reference[i]!));
      const scaleOf = Math.max(...Array.from(reference, Math.abs));
      expect(scaleOf).toBeGreaterThan(1e-3);
      expect(worst / scaleOf).toBeLessThan(1e-4);
    });
  }
});
