import { createMulberry32 } from '../random/create-mulberry32.js';

/** Seeded rows for model tests: standard-normal features and a label from `label(row, noise)`. */
export function makeRows<Y extends Uint8Array | Int32Array | Float64Array>(options: {
  rows: number;
  width: number;
  seed: number;
  labels: (rows: number) => Y;
  label: (x: Float32Array, noise: number) => number;
}): { x: { values: Float32Array; rows: number; width: number }; y: Y } {
  const random = createMulberry32(options.seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const values = new Float32Array(options.rows * options.width);
  const y = options.labels(options.rows);
  for (let r = 0; r < options.rows; r++) {
    const row = values.subarray(r * options.width, (r + 1) * options.width);
    for (let c = 0; c < options.width; c++) row[c] = gaussian();
    y[r] = options.label(row, gaussian());
  }
  return { x: { values, rows: options.rows, width: options.width }, y };
}

/** Binary rows: y = 1 when x0·x1 + sin(2·x2) + noise/4 > 0 (not linearly separable). */
export function makeBinaryRows(rows: number, seed: number, width = 4) {
  return makeRows({
    rows,
    width,
    seed,
    labels: (n) => new Uint8Array(n),
    label: (x, noise) => (x[0]! * x[1]! + Math.sin(2 * x[2]!) + noise / 4 > 0 ? 1 : 0),
  });
}

/** Bytes of every kernel and bias of a model, for bit-identity checks. */
export function weightBytes(model: { layers: { kernel: Float32Array; bias: Float32Array }[] }): Buffer {
  return Buffer.concat(
    model.layers.flatMap((layer) =>
      [layer.kernel, layer.bias].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength)),
    ),
  );
}
