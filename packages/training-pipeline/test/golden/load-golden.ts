import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** A metric scikit-learn refused (raised, or warned and returned NaN). */
export interface GoldenError {
  error: string;
}

/** Reads `test/golden/<name>.json`; the strings `"Infinity"`, `"-Infinity"`, `"NaN"` become numbers. */
export function loadGolden<T>(name: string): T {
  const text = readFileSync(join(here, `${name}.json`), 'utf8');
  return JSON.parse(text, (_key, value) =>
    value === 'Infinity'
      ? Number.POSITIVE_INFINITY
      : value === '-Infinity'
        ? Number.NEGATIVE_INFINITY
        : value === 'NaN'
          ? Number.NaN
          : value,
  ) as T;
}

/** Relative agreement within `rel` (default 1e-12), or absolute within `abs` near zero (default 1e-15). */
export function agrees(actual: number, expected: number, rel = 1e-12, abs = 1e-15): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  if (actual === expected) return true;
  return Math.abs(actual - expected) <= Math.max(rel * Math.abs(expected), abs);
}

/** Asserts element-wise agreement and equal length; returns a description of the first mismatch or ''. */
export function mismatch(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  rel = 1e-12,
  abs = 1e-15,
): string {
  if (actual.length !== expected.length) return `length ${actual.length} != ${expected.length}`;
  for (let i = 0; i < expected.length; i++)
    if (!agrees(actual[i]!, expected[i]!, rel, abs)) return `[${i}] ${actual[i]} != ${expected[i]}`;
  return '';
}
