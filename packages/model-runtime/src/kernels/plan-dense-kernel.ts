import type { DenseModel } from '../models/dense-model.js';

/** Where one dense layer's weights sit in the kernel's memory and how it is applied. */
export interface KernelLayer {
  /** Inputs read per row (the previous layer's real units, or the model's input width). */
  inputs: number;
  /** Floats between one row's inputs and the next row's. */
  inputStride: number;
  /** Units rounded up to a multiple of 4 (the padding units have zero weights and bias). */
  paddedUnits: number;
  /** Byte offset of the `inputs × paddedUnits` row-major kernel. */
  kernelOffset: number;
  /** Byte offset of the `paddedUnits` biases. */
  biasOffset: number;
  /** Clamp negative outputs to 0 (relu); the output layer is always left linear (logits). */
  relu: boolean;
}

/** A dense model's layout in a generated kernel's memory; see {@link planDenseKernel}. */
export interface DenseKernelPlan {
  layers: KernelLayer[];
  /** Rows each layer runs over before the next starts, so a tile's hidden values stay in the L1/L2 cache. */
  tileRows: number;
  /** Rows per register block (a multiple the caller pads inputs to). */
  blockRows: number;
  /** Unit groups of 4 per register block. */
  blockGroups: number;
  /** Byte offsets of the two scratch buffers the hidden layers alternate between. */
  scratch: [number, number];
  /** Bytes the weights and scratch take; inputs and outputs go after. */
  fixedBytes: number;
}

/** Rows per tile (a multiple of BLOCK_ROWS): 128 rows × 64 units × 4 bytes is 32 KiB of hidden values. */
const TILE_ROWS = 128;
/** Register blocking: 4 rows × 2 groups of 4 units = 8 accumulators, under the 16 vector registers of x64. */
const BLOCK_ROWS = 4;
const BLOCK_GROUPS = 2;

/**
 * Lays a dense model out for a generated wasm kernel, or gives the reason it cannot: the kernel runs
 * relu and linear hidden layers and leaves the output layer's activation (sigmoid, softmax, linear) to the
 * caller; tanh and sigmoid hidden layers are left to tfjs.
 */
export function planDenseKernel(model: DenseModel): DenseKernelPlan | string {
  const hidden = model.layers.slice(0, -1).find((l) => l.activation !== 'relu' && l.activation !== 'linear');
  if (hidden) return `a ${hidden.activation} hidden layer (the kernel runs relu and linear ones)`;
  let offset = 0;
  let inputStride = model.inputWidth;
  const layers: KernelLayer[] = [];
  for (const [index, layer] of model.layers.entries()) {
    const paddedUnits = Math.ceil(layer.units / 4) * 4;
    const kernelOffset = offset;
    offset += layer.inputs * paddedUnits * 4;
    const biasOffset = offset;
    offset += paddedUnits * 4;
    const last = index === model.layers.length - 1;
    layers.push({
      inputs: layer.inputs,
      inputStride,
      paddedUnits,
      kernelOffset,
      biasOffset,
      relu: !last && layer.activation === 'relu',
    });
    inputStride = paddedUnits;
  }
  const widest = Math.max(...layers.map((l) => l.paddedUnits));
  const scratchBytes = TILE_ROWS * widest * 4;
  const scratch: [number, number] = [offset, offset + scratchBytes];
  return {
    layers,
    tileRows: TILE_ROWS,
    blockRows: BLOCK_ROWS,
    blockGroups: BLOCK_GROUPS,
    scratch,
    fixedBytes: offset + 2 * scratchBytes,
  };
}
