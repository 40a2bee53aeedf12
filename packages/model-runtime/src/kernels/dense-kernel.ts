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

const compiled = new WeakMap<DenseModel, DenseKernel | string>();

/**
 * A dense model compiled to its own WebAssembly SIMD kernel (generated for its exact layer sizes, weights in
 * the module's memory): the forward pass without tfjs, fused over tiles of rows so hidden values stay in
 * cache. Float32 arithmetic like tfjs; the output activation (sigmoid, softmax) is applied in float64.
 */
export class DenseKernel {
  private heap: Float32Array;

  private constructor(
    private readonly model: DenseModel,
    private readonly plan: DenseKernelPlan,
    private readonly exports: KernelExports,
  ) {
    this.heap = new Float32Array(exports.memory.buffer);
  }

  /**
   * The model's kernel, compiled once per model object and kept while the model lives; or the reason the
   * model needs tfjs instead (a tanh or sigmoid hidden layer, or a runtime without WebAssembly SIMD).
   */
  static of(model: DenseModel): DenseKernel | string {
    const known = compiled.get(model);
    if (known !== undefined) return known;
    const kernel = DenseKernel.compile(model);
    compiled.set(model, kernel);
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
    const heap = new Float32Array(exports.memory.buffer);
    for (const [index, layer] of plan.layers.entries()) {
      const { units, kernel, bias } = model.layers[index]!;
      const { paddedUnits, kernelOffset, biasOffset } = layer;
      for (let i = 0; i < layer.inputs; i++)
        heap.set(kernel.subarray(i * units, (i + 1) * units), kernelOffset / 4 + i * paddedUnits);
      heap.set(bias, biasOffset / 4);
    }
    const kernel = new DenseKernel(model, plan, exports);
    kernel.warmUp();
    return kernel;
  }

  /**
   * Runs the kernel once over zero rows, about 16M multiply-adds, so V8 optimises it now: a wasm function
   * starts on its baseline compiler (Liftoff), about 4x slower here, and is only swapped for the optimised
   * code (TurboFan, compiled in the background once enough has run) between calls, never during one.
   */
  private warmUp(): void {
    const macs = this.model.layers.reduce((sum, layer) => sum + layer.inputs * layer.units, 0);
    const blocks = Math.ceil(Math.min(4_096, Math.max(128, 16_000_000 / macs)) / this.plan.blockRows);
    const rows = blocks * this.plan.blockRows;
    this.predict(
      { values: new Float32Array(rows * this.model.inputWidth), rows, width: this.model.inputWidth },
      rows,
    );
  }

  /**
   * Applies the model to every row of `matrix`, `chunkRows` rows per call into the kernel, into row-major
   * `rows × outputs` values: binary → P(y = 1), multiclass → class probabilities, regression → the value.
   */
  predict(matrix: FeatureRows, chunkRows: number): Float64Array {
    const { plan } = this;
    const outputs = this.model.layers[this.model.layers.length - 1]!;
    const units = outputs.units;
    const padded = plan.layers[plan.layers.length - 1]!.paddedUnits;
    const result = new Float64Array(matrix.rows * units);
    const chunk = Math.ceil(Math.min(chunkRows, matrix.rows) / plan.blockRows) * plan.blockRows;
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
