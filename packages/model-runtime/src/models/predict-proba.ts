import * as tf from '@tensorflow/tfjs-core';
import { readTensorInto } from '../backend/read-tensor-into.js';
import { selectBackend } from '../backend/select-backend.js';
import { InvalidInputError } from '../errors.js';
import { applyLayers, uploadLayers } from './apply-layers.js';
import type { DenseModel } from './dense-model.js';
import type { FeatureRows } from './feature-rows.js';

/** Options of {@link predictProba}. */
export interface PredictProbaOptions {
  /** Rows per forward pass; bounds memory to about chunkRows × widest layer floats. Default 65,536. */
  chunkRows?: number;
}

/**
 * Applies a model to every row of a matrix in large chunks (one upload, a few fused kernels and one read per
 * chunk), with the weights uploaded once: binary → P(y = 1) per row; multiclass → row-major
 * `rows × numClasses` probabilities; regression → the predicted value per row. Leaves no tensors behind.
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
