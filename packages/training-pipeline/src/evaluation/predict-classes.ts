/** Arg-max class per row of row-major n × k probabilities; the first maximum wins (as `np.argmax`). */
export function predictClasses(yProba: Float64Array, numClasses: number): Int32Array {
  const n = yProba.length / numClasses;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const base = i * numClasses;
    let best = 0;
    for (let c = 1; c < numClasses; c++) if (yProba[base + c]! > yProba[base + best]!) best = c;
    out[i] = best;
  }
  return out;
}
