import { describe, expect, it } from 'vitest';
import { rangeMightMatch } from './range-might-match.js';

const known = { noNulls: true, allNull: false, nanPossible: false };

describe('rangeMightMatch', () => {
  it('prunes by bounds only where no row can pass', () => {
    const stats = { ...known, lower: 10, upper: 20 };
    expect(rangeMightMatch('<', [10], stats)).toBe(false);
    expect(rangeMightMatch('<=', [10], stats)).toBe(true);
    expect(rangeMightMatch('>', [20], stats)).toBe(false);
    expect(rangeMightMatch('>=', [20], stats)).toBe(true);
    expect(rangeMightMatch('=', [21], stats)).toBe(false);
    expect(rangeMightMatch('in', [5, 25], stats)).toBe(false);
    expect(rangeMightMatch('in', [5, 15], stats)).toBe(true);
    expect(rangeMightMatch('!=', [15], { ...known, lower: 15, upper: 15 })).toBe(true);
    expect(rangeMightMatch('<', [10], { ...known, upper: 20 })).toBe(true);
  });

  it('keeps files that may hold NaN for > and >= (DuckDB sorts NaN above all numbers)', () => {
    const stats = { ...known, lower: -1.5, upper: -1.5, nanPossible: true };
    expect(rangeMightMatch('>', [-1.5], stats)).toBe(true);
    expect(rangeMightMatch('>=', [100], stats)).toBe(true);
    expect(rangeMightMatch('<', [-1.5], stats)).toBe(false);
    expect(rangeMightMatch('=', [Number.NaN], { ...known, lower: 0, upper: 1 })).toBe(true);
  });

  it('treats -0 and +0 as equal', () => {
    expect(rangeMightMatch('=', [-0], { ...known, lower: 0, upper: 0 })).toBe(true);
    expect(rangeMightMatch('<', [0], { ...known, lower: -0, upper: 0 })).toBe(false);
  });

  it('uses null counts for null checks and all-null columns', () => {
    expect(rangeMightMatch('isNull', [], known)).toBe(false);
    expect(rangeMightMatch('isNull', [], { ...known, noNulls: false })).toBe(true);
    const allNull = { noNulls: false, allNull: true, nanPossible: false };
    expect(rangeMightMatch('notNull', [], allNull)).toBe(false);
    expect(rangeMightMatch('!=', [1], allNull)).toBe(false);
    expect(rangeMightMatch('=', undefined, known)).toBe(true);
  });
});
