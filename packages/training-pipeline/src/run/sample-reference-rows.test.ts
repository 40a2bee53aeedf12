import { describe, expect, it } from 'vitest';
import { sampleReferenceRows } from './sample-reference-rows.js';

describe('sampleReferenceRows', () => {
  it('keeps every row, in order, up to the cap', () => {
    const kept = sampleReferenceRows([3, 2], 5, 0);
    expect(kept.map((k) => Array.from(k))).toEqual([
      [0, 1, 2],
      [0, 1],
    ]);
  });

  it('above the cap: exactly maxRows, proportional per split, sorted, distinct and the same for the same seed', () => {
    const sizes = [36_048, 9_012, 6_723];
    const kept = sampleReferenceRows(sizes, 10_000, 7);
    // 10,000 · size / 51,783, largest remainders take the leftover rows.
    expect(kept.map((k) => k.length)).toEqual([6_962, 1_740, 1_298]);
    for (const [i, rows] of kept.entries()) {
      expect(new Set(rows).size).toBe(rows.length);
      expect(rows.every((r, j) => r < sizes[i]! && (j === 0 || r > rows[j - 1]!))).toBe(true);
    }
    expect(sampleReferenceRows(sizes, 10_000, 7)).toEqual(kept);
    expect(sampleReferenceRows(sizes, 10_000, 8)[0]).not.toEqual(kept[0]);
  });
});
