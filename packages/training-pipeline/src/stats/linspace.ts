/** `np.linspace(start, stop, num)` with NumPy's arithmetic (`i * step + start`, last value exactly `stop`). */
export function linspace(start: number, stop: number, num: number): Float64Array {
  const out = new Float64Array(num);
  const div = num - 1;
  const step = (stop - start) / div;
  for (let i = 0; i < num; i++) out[i] = i * step + start;
  if (num > 1) out[num - 1] = stop;
  return out;
}
