import { InvalidInputError } from '../errors.js';

/** Throws unless `sampleWeight` is absent or has `n` finite non-negative entries with a positive sum. */
export function checkSampleWeight(sampleWeight: Float64Array | undefined, n: number): void {
  if (sampleWeight === undefined) return;
  if (sampleWeight.length !== n)
    throw new InvalidInputError('sampleWeight', `has ${sampleWeight.length} rows but the labels have ${n}`);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = sampleWeight[i]!;
    if (!Number.isFinite(w) || w < 0)
      throw new InvalidInputError('sampleWeight', `row ${i} is ${w}; weights must be finite and >= 0`);
    total += w;
  }
  if (total <= 0) throw new InvalidInputError('sampleWeight', 'sums to 0; at least one row must weigh > 0');
}
