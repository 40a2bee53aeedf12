/** Per-row sample weights from per-class weights: `out[i] = classWeights[labels[i]]`. */
export function expandClassWeights(
  labels: Uint8Array | Int32Array,
  classWeights: Float64Array,
): Float64Array {
  const out = new Float64Array(labels.length);
  for (let i = 0; i < labels.length; i++) out[i] = classWeights[labels[i]!]!;
  return out;
}
