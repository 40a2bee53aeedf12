import * as tf from '@tensorflow/tfjs-core';
import { readTensorInto } from '../backend/read-tensor-into.js';
import { selectBackend } from '../backend/select-backend.js';
import { InvalidInputError } from '../errors.js';
import { DenseKernel } from '../kernels/dense-kernel.js';
import { applyLayers, uploadLayers } from './apply-layers.js';
import type { DenseModel } from './dense-model.js';
import type { FeatureRows } from './feature-rows.js';

/** Options of {@link predictProba}. */
export interface PredictProbaOptions {
  /** Rows per forward pass; bounds memory to about chunkRows × widest layer floats. Default 65,536. */
  chunkRows?: number;
  /**
   * What runs the layers: `auto` (default) uses fti's WebAssembly SIMD kernel generated for the model
   * ({@link DenseKernel}) unless the model has a tanh or sigmoid hidden layer or the tfjs backend is
   * tfjs-node; `tfjs` always uses the selected tfjs backend. Both agree to float32 rounding (about 1e-7).
   */
  engine?: 'auto' | 'tfjs';
}

/**
 * Applies a model to every row of a matrix in large chunks: with fti's generated WebAssembly kernel, or on
 * tfjs (one upload, a few fused kernels and one read per chunk, the weights uploaded once); see `engine`.
 * Binary → P(y = 1) per row; multiclass → row-major `rows × numClasses` probabilities; regression → the
 * predicted value per row. Leaves no tensors behind.
 * Selects the default backend first if none was selected.
 */
export async function predictProba(
  model: DenseModel,
  matrix: FeatureRows,
  options: PredictProbaOptions = {},
): Promise<Float64Array> {
  await selectBackend();
  return predictProbaSync(model, matrix, options);
}

/** {@link predictProba} on the backend already selected (used inside the training loop). */
export function predictProbaSync(
  model: DenseModel,
  matrix: FeatureRows,
  options: PredictProbaOptions = {},
): Float64Array {
  const chunkRows = options.chunkRows ?? 65_536;
  if (!Number.isSafeInteger(chunkRows) || chunkRows < 1)
    throw new InvalidInputError('chunkRows', `must be a positive integer, got ${chunkRows}`);
  if (matrix.width !== model.inputWidth)
    throw new InvalidInputError(
      'matrix',
      `has ${matrix.width} columns but the model reads ${model.inputWidth}; apply the model's own preprocessor`,
    );
  if (matrix.values.length !== matrix.rows * matrix.width)
    throw new InvalidInputError('matrix', `holds ${matrix.values.length} values, not rows × width`);
  if ((options.engine ?? 'auto') === 'auto' && tf.getBackend() !== 'tensorflow') {
    const kernel = DenseKernel.of(model);
    if (typeof kernel !== 'string') return kernel.predict(model, matrix, chunkRows);
  }
  const outputs = model.layers[model.layers.length - 1]!.units;
  const result = new Float64Array(matrix.rows * outputs);
  const layers = uploadLayers(model.layers);
  try {
    const buffer = new Float32Array(Math.min(chunkRows, matrix.rows) * outputs);
    for (let start = 0; start < matrix.rows; start += chunkRows) {
      const rows = Math.min(chunkRows, matrix.rows - start);
      const out = buffer.subarray(0, rows * outputs);
      tf.tidy(() => {
        const values = matrix.values.subarray(start * matrix.width, (start + rows) * matrix.width);
        readTensorInto(applyLayers(layers, tf.tensor2d(values, [rows, matrix.width], 'float32')), out);
      });
      result.set(out, start * outputs);
    }
  } finally {
    for (const layer of layers) tf.dispose([layer.kernel, layer.bias]);
  }
  return result;
}
