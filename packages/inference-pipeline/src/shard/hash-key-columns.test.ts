import * as arrow from 'apache-arrow';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashEntityKey } from './hash-entity-key.js';
import { hashKeyColumns } from './hash-key-columns.js';

describe('hashKeyColumns', () => {
  it('equals hashEntityKey of each row for int64, int32, double and UTF-8 keys, nulls and composites included', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            big: fc.option(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), { nil: null }),
            int: fc.option(fc.integer(), { nil: null }),
            real: fc.option(
              fc.oneof(
                fc.integer().map((i) => i * 1.0),
                fc.double({ noNaN: true }),
              ),
              { nil: null },
            ),
            text: fc.option(fc.string({ unit: 'binary' }), { nil: null }),
          }),
          { minLength: 1, maxLength: 40 },
        ),
        (rows) => {
          const columns = [
            arrow.vectorFromArray(
              rows.map((r) => r.big),
              new arrow.Int64(),
            ),
            arrow.vectorFromArray(
              rows.map((r) => r.int),
              new arrow.Int32(),
            ),
            arrow.vectorFromArray(
              rows.map((r) => r.real),
              new arrow.Float64(),
            ),
            arrow.vectorFromArray(
              rows.map((r) => r.text),
              new arrow.Utf8(),
            ),
          ];
          const hashes = hashKeyColumns(columns, rows.length);
          rows.forEach((r, i) => {
            expect(hashes[i]).toBe(hashEntityKey([r.big, r.int, r.real, r.text]));
          });
        },
      ),
    );
    // Pinned values: a bigint beyond 2^53, a negative int, -0 (String(-0) is "0"), a non-ASCII string.
    const one = (vector: arrow.Vector) => hashKeyColumns([vector], 1)[0];
    expect(one(arrow.vectorFromArray([2n ** 60n + 1n], new arrow.Int64()))).toBe(
      hashEntityKey([2n ** 60n + 1n]),
    );
    expect(one(arrow.vectorFromArray([-12], new arrow.Int32()))).toBe(hashEntityKey(['-12']));
    expect(one(arrow.vectorFromArray([-0], new arrow.Float64()))).toBe(hashEntityKey(['0']));
    expect(one(arrow.vectorFromArray(['Zürich'], new arrow.Utf8()))).toBe(hashEntityKey(['Zürich']));
  });
});
