import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** A large golden sample stored as a generator spec (see generate.py `lcg_sample`). */
export interface LcgSpec {
  seed: number;
  n: number;
  terms?: number;
  scale?: number;
  shift?: number;
  levels?: number;
}

/** Reads `test/golden/<name>.json`; the strings `"Infinity"` / `"-Infinity"` become numbers. */
export function loadGolden<T>(name: string): T {
  const text = readFileSync(join(here, `${name}.json`), 'utf8');
  return JSON.parse(text, (_key, value) =>
    value === 'Infinity'
      ? Number.POSITIVE_INFINITY
      : value === '-Infinity'
        ? Number.NEGATIVE_INFINITY
        : value,
  ) as T;
}

/** Rebuilds a golden sample bit-for-bit: inline arrays as they are, LCG specs with generate.py's arithmetic. */
export function goldenSample(input: number[] | LcgSpec): Float64Array {
  if (Array.isArray(input)) return Float64Array.from(input);
  const terms = input.terms ?? 4;
  const out = new Float64Array(input.n);
  let s = input.seed >>> 0;
  for (let i = 0; i < input.n; i++) {
    let total = 0;
    for (let t = 0; t < terms; t++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      total += s;
    }
    if (input.levels !== undefined)
      out[i] = Math.floor((Math.floor(total / terms) * input.levels) / 4294967296);
    else out[i] = (total / 4294967296 - terms / 2) * input.scale! + input.shift!;
  }
  return out;
}

/**
 * Relative agreement within `rel` (default 1e-9), or absolute within `abs` for values near zero, where a
 * relative error is meaningless (default 1e-300: subnormal p-values).
 */
export function agrees(actual: number, expected: number, rel = 1e-9, abs = 1e-300): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  if (actual === expected) return true;
  return Math.abs(actual - expected) <= Math.max(rel * Math.abs(expected), abs);
}
