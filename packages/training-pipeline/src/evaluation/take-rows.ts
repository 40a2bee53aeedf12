/** Gathers `values[rows[j]]` into a new array of the same typed-array kind. */
export function takeRows<T extends Float64Array | Int32Array | Uint8Array>(values: T, rows: Uint32Array): T {
  const out = new (values.constructor as new (length: number) => T)(rows.length);
  for (let j = 0; j < rows.length; j++) out[j] = values[rows[j]!]!;
  return out;
}

/** Gathers rows of a row-major matrix with `width` columns. */
export function takeMatrixRows(values: Float64Array, width: number, rows: Uint32Array): Float64Array {
  const out = new Float64Array(rows.length * width);
  for (let j = 0; j < rows.length; j++)
    out.set(values.subarray(rows[j]! * width, rows[j]! * width + width), j * width);
  return out;
}
