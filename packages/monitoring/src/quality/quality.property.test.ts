import fc from 'fast-check';
import { expect, test } from 'vitest';
import { buildReferenceProfiles } from '../profile/build-reference-profiles.js';
import { computeDataQuality } from './compute-data-quality.js';

const value = fc.oneof(fc.double({ min: -100, max: 100, noNaN: true }), fc.constant(Number.NaN));

test('quality shares are in [0, 1] and a window checked against its own profile has no range or category issue', () => {
  fc.assert(
    fc.property(
      fc.array(value, { maxLength: 50 }),
      fc.array(fc.integer({ min: -1, max: 3 }), { maxLength: 50 }),
      (xs, codes) => {
        const current = {
          x: Float64Array.from(xs),
          c: { codes: Int32Array.from(codes), dictionary: ['p', 'q', 'r', 's'] },
        };
        const quality = computeDataQuality({
          profiles: buildReferenceProfiles(current),
          current,
          volume: { referenceRows: xs.length, currentRows: xs.length },
        });
        for (const c of quality.columns) {
          for (const share of [c.missingShare, c.outOfRangeShare, c.unseenShare])
            expect(share >= 0 && share <= 1).toBe(true);
          expect(c.outOfRangeCount).toBe(0);
          expect(c.unseenCategories).toEqual([]);
        }
        expect(quality.schema.changed).toBe(false);
      },
    ),
  );
});
