/** `np.average(values, weights=sampleWeight)`: sum(v·w) / sum(w), or the plain mean without weights. */
export function weightedMean(values: Float64Array, sampleWeight?: Float64Array): number {
  let sum = 0;
  if (sampleWeight === undefined) {
    for (let i = 0; i < values.length; i++) sum += values[i]!;
    return sum / values.length;
  }
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i]! * sampleWeight[i]!;
    total += sampleWeight[i]!;
  }
  return sum / total;
}
