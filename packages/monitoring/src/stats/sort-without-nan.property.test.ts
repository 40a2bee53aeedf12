import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortWithoutNaN } from './sort-without-nan.js';

const special = fc.constantFrom(
  Number.NaN,
  0,
  -0,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  5e-324,
  -5e-324,
);
const value = fc.oneof(fc.double(), special, fc.integer({ min: -3, max: 3 }));

describe('sortWithoutNaN', () => {
  it('drops NaN and orders exactly like Float64Array.prototype.sort, on both the small and the radix path', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 0, maxLength: 3000 }), (xs) => {
        const input = Float64Array.from(xs);
        const before = input.slice();
        const { sorted, nanCount } = sortWithoutNaN(input);
        const expected = Float64Array.from(xs.filter((x) => !Number.isNaN(x))).sort();
        expect(nanCount).toBe(xs.length - expected.length);
        expect(Array.from(sorted, (x) => (Object.is(x, -0) ? '-0' : String(x)))).toEqual(
          Array.from(expected, (x) => (Object.is(x, -0) ? '-0' : String(x))),
        );
        expect(input).toEqual(before);
      }),
      { numRuns: 60 },
    );
  });
});
