import type { DenseKernelPlan, KernelLayer } from './plan-dense-kernel.js';
import { WasmFunctionBody } from './wasm-function-body.js';

/**
 * Generates `run(src, rows, dst)` for a planned dense model: `rows` (a multiple of the plan's blockRows)
 * input rows at byte address `src`, row-major with the model's input width, give each row's output-layer
 * values (logits, before its activation) at `dst`, `paddedUnits` floats a row. Rows go through every layer a
 * tile at a time; each layer multiplies in register blocks of blockRows rows × blockGroups × 4 units with
 * 128-bit SIMD, the weights' addresses and every stride baked in as constants.
 */
export function emitDenseKernel(plan: DenseKernelPlan): WasmFunctionBody {
  const f = new WasmFunctionBody(['i32', 'i32', 'i32']);
  const [src, rows, dst] = [0, 1, 2];
  const v = {
    tile: f.local('i32'),
    left: f.local('i32'),
    x: f.local('i32'),
    y: f.local('i32'),
    xEnd: f.local('i32'),
    xp: f.local('i32'),
    wp: f.local('i32'),
    kEnd: f.local('i32'),
  };
  const acc = Array.from({ length: plan.blockRows * plan.blockGroups }, () => f.local('v128'));
  const w = Array.from({ length: plan.blockGroups }, () => f.local('v128'));
  const splat = f.local('v128');
  const last = plan.layers.length - 1;
  const first = plan.layers[0]!;
  const output = plan.layers[last]!;

  f.localGet(rows).localSet(v.left);
  f.loop();
  // tile = min(tileRows, left)
  f.i32Const(plan.tileRows).localGet(v.left).i32Const(plan.tileRows).localGet(v.left).i32LtU().select();
  f.localSet(v.tile);
  for (const [index, layer] of plan.layers.entries()) {
    const from = index === 0 ? undefined : plan.scratch[(index - 1) % 2]!;
    const to = index === last ? undefined : plan.scratch[index % 2]!;
    if (from === undefined) f.localGet(src);
    else f.i32Const(from);
    f.localSet(v.x);
    if (to === undefined) f.localGet(dst);
    else f.i32Const(to);
    f.localSet(v.y);
    emitLayer(f, plan, layer, v, acc, w, splat);
  }
  // src += tile × input row bytes; dst += tile × output row bytes; left -= tile; loop while left ≠ 0
  f.localGet(src)
    .localGet(v.tile)
    .i32Const(first.inputStride * 4)
    .i32Mul()
    .i32Add()
    .localSet(src);
  f.localGet(dst)
    .localGet(v.tile)
    .i32Const(output.paddedUnits * 4)
    .i32Mul()
    .i32Add()
    .localSet(dst);
  f.localGet(v.left).localGet(v.tile).i32Sub().localSet(v.left);
  f.localGet(v.left).brIf(0);
  f.end();
  return f;
}

interface Locals {
  tile: number;
  x: number;
  y: number;
  xEnd: number;
  xp: number;
  wp: number;
  kEnd: number;
}

/** One layer over `tile` rows from address `x` (stride inputStride) to address `y` (stride paddedUnits). */
function emitLayer(
  f: WasmFunctionBody,
  plan: DenseKernelPlan,
  layer: KernelLayer,
  v: Locals,
  acc: number[],
  w: number[],
  splat: number,
): void {
  const inRowBytes = layer.inputStride * 4;
  const outRowBytes = layer.paddedUnits * 4;
  const groups = layer.paddedUnits / 4;
  // xEnd = x + tile × input row bytes
  f.localGet(v.x).localGet(v.tile).i32Const(inRowBytes).i32Mul().i32Add().localSet(v.xEnd);
  f.loop();
  for (let g0 = 0; g0 < groups; g0 += plan.blockGroups) {
    const blockGroups = Math.min(plan.blockGroups, groups - g0);
    // Accumulators start at the biases.
    for (let r = 0; r < plan.blockRows; r++)
      for (let g = 0; g < blockGroups; g++)
        f.i32Const(0)
          .v128Load(layer.biasOffset + 16 * (g0 + g))
          .localSet(acc[r * plan.blockGroups + g]!);
    // for k in inputs: acc[r][g] += x[r][k] × kernel[k][g0 + g]
    f.localGet(v.x).localSet(v.xp);
    f.i32Const(layer.kernelOffset + 16 * g0).localSet(v.wp);
    f.localGet(v.x)
      .i32Const(layer.inputs * 4)
      .i32Add()
      .localSet(v.kEnd);
    f.loop();
    for (let g = 0; g < blockGroups; g++)
      f.localGet(v.wp)
        .v128Load(16 * g)
        .localSet(w[g]!);
    for (let r = 0; r < plan.blockRows; r++) {
      f.localGet(v.xp)
        .v128Load32Splat(r * inRowBytes)
        .localSet(splat);
      for (let g = 0; g < blockGroups; g++) {
        const a = acc[r * plan.blockGroups + g]!;
        f.localGet(a).localGet(splat).localGet(w[g]!).f32x4Mul().f32x4Add().localSet(a);
      }
    }
    f.localGet(v.xp).i32Const(4).i32Add().localSet(v.xp);
    f.localGet(v.wp).i32Const(outRowBytes).i32Add().localSet(v.wp);
    f.localGet(v.xp).localGet(v.kEnd).i32Ne().brIf(0);
    f.end();
    for (let r = 0; r < plan.blockRows; r++)
      for (let g = 0; g < blockGroups; g++) {
        f.localGet(v.y).localGet(acc[r * plan.blockGroups + g]!);
        if (layer.relu) f.v128Zero().f32x4Max();
        f.v128Store(r * outRowBytes + 16 * (g0 + g));
      }
  }
  // next block of rows
  f.localGet(v.y)
    .i32Const(plan.blockRows * outRowBytes)
    .i32Add()
    .localSet(v.y);
  f.localGet(v.x)
    .i32Const(plan.blockRows * inRowBytes)
    .i32Add()
    .localSet(v.x);
  f.localGet(v.x).localGet(v.xEnd).i32Ne().brIf(0);
  f.end();
}
