import type { DenseModel } from '../models/dense-model.js';
import type { FeatureRows } from '../models/feature-rows.js';
import { emitDenseKernel } from './emit-dense-kernel.js';
import { encodeWasmModule } from './encode-wasm-module.js';
import { type DenseKernelPlan, planDenseKernel } from './plan-dense-kernel.js';

const PAGE_BYTES = 65_536;

interface KernelExports {
  run: (src: number, rows: number, dst: number) => void;
  memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
}

/** The part of the WebAssembly JS API used here (the project's `lib` leaves out the DOM's typings of it). */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
}

/** Kernels kept per model shape; the least recently used goes first (a training search meets a few shapes). */
const MAX_KERNELS = 8;
const compiled = new Map<string, DenseKernel | string>();

/** Bytes the input rows of one call may take in the kernel's memory; larger calls run in smaller chunks. */
const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/**
 * A dense model shape compiled to its own WebAssembly SIMD kernel (generated for the exact layer sizes and
 * activations): the forward pass without tfjs, fused over tiles of rows so hidden values stay in cache.
 * Each call first copies that model's weights into the kernel's memory, so models of one shape share a
 * kernel and weights changed in place are always seen. Float32 arithmetic like tfjs; the output
 * activation (sigmoid, softmax) is applied in float64.
 */
export class DenseKernel {
  private heap: Float32Array;

  private constructor(
    private readonly plan: DenseKernelPlan,
    private readonly exports: KernelExports,
  ) {
    this.heap = new Float32Array(exports.memory.buffer);
  }

  /**
   * The kernel of the model's shape, compiled on first use and kept for the next models of that shape; or
   * the reason the model needs tfjs instead (a tanh or sigmoid hidden layer, or no WebAssembly SIMD).
   */
  static of(model: DenseModel): DenseKernel | string {
    const key = shapeKey(model);
    const known = compiled.get(key);
    if (known !== undefined) {
      compiled.delete(key);
      compiled.set(key, known);
      return known;
    }
    const kernel = DenseKernel.compile(model);
    compiled.set(key, kernel);
    if (compiled.size > MAX_KERNELS) compiled.delete(compiled.keys().next().value!);
    return kernel;
  }

  private static compile(model: DenseModel): DenseKernel | string {
    const plan = planDenseKernel(model);
    if (typeof plan === 'string') return plan;
    const bytes = encodeWasmModule({
      run: emitDenseKernel(plan),
      pages: Math.ceil(plan.fixedBytes / PAGE_BYTES),
    });
    let exports: KernelExports;
    try {
      const wasm = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;
      exports = new wasm.Instance(new wasm.Module(bytes)).exports as KernelExports;
    } catch (error) {
      return `WebAssembly SIMD is unavailable (${error instanceof Error ? error.message : String(error)})`;
    }
    const kernel = new DenseKernel(plan, exports);
    kernel.warmUp(model);
    return kernel;
  }

  /**
   * Runs the kernel once over zero rows, about 16M multiply-adds, so V8 optimises it now: a wasm function
   * starts on its baseline compiler (Liftoff), about 4x slower here, and is only swapped for the optimised
   * code (TurboFan, compiled in the background once enough has run) between calls, never during one.
   */
  private warmUp(model: DenseModel): void {
    const macs = model.layers.reduce((sum, layer) => sum + layer.inputs * layer.units, 0);
    const blocks = Math.ceil(Math.min(4_096, Math.max(128, 16_000_000 / macs)) / this.plan.blockRows);
    const rows = blocks * this.plan.blockRows;
    const width = model.inputWidth;
    this.predict(model, { values: new Float32Array(rows * width), rows, width }, rows);
  }

  /** Copies the model's weights and biases into the kernel's padded layout (padding stays zero). */
  private loadWeights(model: DenseModel): void {
    const heap = this.heap;
    for (const [index, layer] of this.plan.layers.entries()) {
      const { units, kernel, bias } = model.layers[index]!;
      const { paddedUnits, kernelOffset, biasOffset } = layer;
      for (let i = 0; i < layer.inputs; i++)
        heap.set(kernel.subarray(i * units, (i + 1) * units), kernelOffset / 4 + i * paddedUnits);
      heap.set(bias, biasOffset / 4);
    }
  }

  /**
   * Applies `model` (of this kernel's shape: get the kernel with {@link DenseKernel.of}) to every row of
   * `matrix`, `chunkRows` rows per call into the kernel, into row-major `rows × outputs` values: binary →
   * P(y = 1), multiclass → class probabilities, regression → the value.
   */
  predict(model: DenseModel, matrix: FeatureRows, chunkRows: number): Float64Array {
    const { plan } = this;
    this.loadWeights(model);
    const outputs = model.layers[model.layers.length - 1]!;
    const units = outputs.units;
    const padded = plan.layers[plan.layers.length - 1]!.paddedUnits;
    const result = new Float64Array(matrix.rows * units);
    const fits = Math.max(1, Math.floor(MAX_INPUT_BYTES / (matrix.width * 4)));
    const chunk = Math.ceil(Math.min(chunkRows, matrix.rows, fits) / plan.blockRows) * plan.blockRows;
    const src = plan.fixedBytes;
    const dst = src + chunk * matrix.width * 4;
    this.reserve(dst + chunk * padded * 4);
    const heap = this.heap;
    for (let start = 0; start < matrix.rows; start += chunk) {
      const rows = Math.min(chunk, matrix.rows - start);
      const blocked = Math.ceil(rows / plan.blockRows) * plan.blockRows;
      heap.set(matrix.values.subarray(start * matrix.width, (start + rows) * matrix.width), src / 4);
      heap.fill(0, src / 4 + rows * matrix.width, src / 4 + blocked * matrix.width);
      this.exports.run(src, blocked, dst);
      activate(heap, dst / 4, padded, rows, units, outputs.activation, result, start * units);
    }
    return result;
  }

  /** Grows the memory to hold `bytes`. */
  private reserve(bytes: number): void {
    const memory = this.exports.memory;
    if (memory.buffer.byteLength >= bytes) return;
    memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / PAGE_BYTES));
    this.heap = new Float32Array(memory.buffer);
  }
}

/** What makes two models need the same kernel: input width, layer sizes and activations. */
function shapeKey(model: DenseModel): string {
  return `${model.inputWidth}:${model.layers.map((l) => `${l.inputs}x${l.units}${l.activation}`).join(',')}`;
}

/** The output layer's activation, from the kernel's logits (`padded` floats a row) into `out` at `at`. */
function activate(
  heap: Float32Array,
  base: number,
  padded: number,
  rows: number,
  units: number,
  activation: string,
  out: Float64Array,
  at: number,
): void {
  for (let r = 0; r < rows; r++) {
    const from = base + r * padded;
    const to = at + r * units;
    if (activation === 'softmax') {
      let max = Number.NEGATIVE_INFINITY;
      for (let j = 0; j < units; j++) max = Math.max(max, heap[from + j]!);
      let sum = 0;
      for (let j = 0; j < units; j++) {
        const e = Math.exp(heap[from + j]! - max);
        out[to + j] = e;
        sum += e;
      }
      for (let j = 0; j < units; j++) out[to + j] = out[to + j]! / sum;
      continue;
    }
    for (let j = 0; j < units; j++) {
      const z = heap[from + j]!;
      out[to + j] =
        activation === 'sigmoid'
          ? 1 / (1 + Math.exp(-z))
          : activation === 'relu'
            ? Math.max(0, z)
            : activation === 'tanh'
              ? Math.tanh(z)
              : z;
    }
  }
}
