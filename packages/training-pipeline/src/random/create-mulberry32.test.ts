import { createMulberry32 } from '@fti/model-runtime';
import { describe, expect, it } from 'vitest';
import { shuffleInPlace } from './shuffle-in-place.js';

describe('createMulberry32', () => {
  it('is deterministic per seed, in [0, 1), and uniform enough for sampling', () => {
    const a = createMulberry32(42);
    const b = createMulberry32(42);
    const values = Array.from({ length: 100_000 }, () => a());
    expect(values.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005);
    const deciles = new Array<number>(10).fill(0);
    for (const v of values) deciles[Math.floor(v * 10)]!++;
    for (const count of deciles) expect(Math.abs(count - 10_000)).toBeLessThan(500);
    expect(createMulberry32(43)()).not.toBe(createMulberry32(42)());
  });

  it('matches the reference mulberry32 for seed 1', () => {
    // Reference C: t = (s += 0x6D2B79F5); t = (t ^ t >> 15) * (t | 1); t ^= t + (t ^ t >> 7) * (t | 61);
    // return (t ^ t >> 14) >>> 0, divided by 2^32.
    let s = 1;
    const reference = () => {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = BigInt(s);
      const m = (x: bigint) => x & 0xffffffffn;
      t = m((t ^ (t >> 15n)) * (t | 1n));
      t = t ^ m(t + m((t ^ (t >> 7n)) * (t | 61n)));
      return Number(m(t ^ (t >> 14n))) / 4294967296;
    };
    const random = createMulberry32(1);
    for (let i = 0; i < 1000; i++) expect(random()).toBe(reference());
  });

  it('shuffleInPlace permutes and is reproducible', () => {
    const shuffled = shuffleInPlace(
      Uint32Array.from({ length: 50 }, (_, i) => i),
      createMulberry32(7),
    );
    expect(Array.from(shuffled).sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(
      shuffleInPlace(
        Uint32Array.from({ length: 50 }, (_, i) => i),
        createMulberry32(7),
      ),
    ).toEqual(shuffled);
  });
});
