import type { RandomSource } from './random-source.js';

/**
 * Seeded 32-bit PRNG (mulberry32, public domain, Tommy Ettinger): fast, 2^32 period, good enough for
 * shuffling and sampling, not for cryptography. Same seed, same sequence on every platform.
 * @param seed Any number; only its low 32 bits are used.
 */
export function createMulberry32(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
