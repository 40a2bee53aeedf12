import { createMulberry32 } from '@fti/model-runtime';
import { shuffleInPlace } from '../random/shuffle-in-place.js';

/**
 * Which rows of each split the recorded reference set keeps: every row when the splits hold at most
 * `maxRows` together, else a seeded uniform sample of each split, proportional to its size (largest
 * remainders get the leftover rows), in the split's original row order. Same sizes and seed, same rows.
 * @param sizes Rows per split, in the order the splits are written.
 * @param maxRows Cap on the rows kept in all.
 * @param seed Seed of the sample.
 */
export function sampleReferenceRows(sizes: number[], maxRows: number, seed: number): Uint32Array[] {
  const total = sizes.reduce((s, n) => s + n, 0);
  const all = (n: number) => Uint32Array.from({ length: n }, (_, i) => i);
  if (total <= maxRows) return sizes.map(all);
  const exact = sizes.map((n) => (n * maxRows) / total);
  const quotas = exact.map(Math.floor);
  const byRemainder = exact
    .map((e, i) => [e - Math.floor(e), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const leftover = maxRows - quotas.reduce((s, q) => s + q, 0);
  for (let k = 0; k < leftover; k++) {
    const i = byRemainder[k]![1];
    quotas[i] = quotas[i]! + 1;
  }
  const random = createMulberry32(seed);
  return sizes.map((n, i) => shuffleInPlace(all(n), random).subarray(0, quotas[i]).sort());
}
