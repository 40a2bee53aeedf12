/** Row indices ordered by `values` descending (ties in any order: callers group equal values). */
export function argsortDescending(values: Float64Array): Uint32Array {
  const order = new Uint32Array(values.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => values[b]! - values[a]!);
}
