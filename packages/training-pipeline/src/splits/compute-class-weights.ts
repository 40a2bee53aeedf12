import { InvalidInputError } from '../errors.js';

/** Options of {@link computeClassWeights}. */
export interface ComputeClassWeightsOptions {
  /** Class per row, 0 .. numClasses − 1. */
  labels: Uint8Array | Int32Array;
  /** Number of classes; default max label + 1. Every class must occur (as scikit-learn requires). */
  numClasses?: number;
}

/**
 * 'balanced' class weights, as scikit-learn `compute_class_weight("balanced")`: n / (k · count(c)), so
 * each class carries the same total weight. Index c of the result is class c's weight.
 */
export function computeClassWeights(options: ComputeClassWeightsOptions): Float64Array {
  const { labels } = options;
  if (labels.length === 0)
    throw new InvalidInputError('labels', 'is empty; class weights need labelled rows');
  let max = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i]! < 0)
      throw new InvalidInputError('labels', `row ${i} is ${labels[i]}; classes must be >= 0`);
    if (labels[i]! > max) max = labels[i]!;
  }
  const k = options.numClasses ?? max + 1;
  if (max >= k) throw new InvalidInputError('labels', `holds class ${max} but numClasses is ${k}`);
  const counts = new Float64Array(k);
  for (let i = 0; i < labels.length; i++) counts[labels[i]!]! += 1;
  const missing = counts.indexOf(0);
  if (missing >= 0)
    throw new InvalidInputError(
      'labels',
      `has no row of class ${missing}; a balanced weight needs every class present`,
    );
  return counts.map((count) => labels.length / (k * count));
}
