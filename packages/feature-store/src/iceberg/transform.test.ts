import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { encodeBound } from './bounds.js';
import { bucketHash } from './bucket-hash.js';
import { applyTransform } from './transform.js';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe('applyTransform', () => {
  it('counts months since 1970-01, days since epoch, years since 1970', () => {
    expect(applyTransform('month', 'date', day('2011-09-10'))).toBe((2011 - 1970) * 12 + 8);
    expect(applyTransform('month', 'date', new Date('2011-09-30T23:59:59Z'))).toBe(500);
    expect(applyTransform('month', 'date', day('1969-12-31'))).toBe(-1);
    expect(applyTransform('year', 'date', day('1969-12-31'))).toBe(-1);
    expect(applyTransform('day', 'date', day('2011-09-10'))).toBe(15227);
    expect(applyTransform('day', 'timestamp', -1n)).toBe(-1);
    expect(applyTransform('month', 'timestamptz', BigInt(Date.parse('2011-12-01T00:00:00Z')) * 1000n)).toBe(
      503,
    );
    expect(applyTransform('hour', 'timestamp', 3_600_000_000n * 5n + 1n)).toBe(5);
    expect(applyTransform('identity', 'string', 'x')).toBe('x');
    expect(applyTransform('month', 'date', null)).toBeNull();
    expect(applyTransform('truncate[10]', 'int', -1)).toBe(-10);
    expect(applyTransform('truncate[3]', 'string', 'iceberg')).toBe('ice');
  });

  it('month of a timestamp equals month of its UTC date (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2_000_000_000_000, max: 4_000_000_000_000 }), (ms) => {
        const d = new Date(ms);
        const expected = (d.getUTCFullYear() - 1970) * 12 + d.getUTCMonth();
        expect(applyTransform('month', 'timestamp', BigInt(ms) * 1000n)).toBe(expected);
        expect(applyTransform('month', 'date', Math.floor(ms / 86_400_000))).toBe(expected);
      }),
      { seed: 42 },
    );
  });

  it('rejects time transforms on non-time columns', () => {
    expect(() => applyTransform('month', 'string', 'x')).toThrow(InvalidInputError);
  });
});

describe('bucketHash (spec Appendix B vectors)', () => {
  it('matches the spec hash values', () => {
    const mask = (n: number) => n & 0x7fffffff;
    expect(bucketHash('int', 34)).toBe(mask(2017239379));
    expect(bucketHash('long', 34n)).toBe(mask(2017239379));
    expect(bucketHash('decimal(4,2)', 1420n)).toBe(mask(-500754589));
    expect(bucketHash('date', day('2017-11-16'))).toBe(mask(-653330422));
    expect(bucketHash('timestamp', BigInt(Date.parse('2017-11-16T22:31:08Z')) * 1000n)).toBe(
      mask(-2047944441),
    );
    expect(bucketHash('string', 'iceberg')).toBe(mask(1210000089));
    expect(bucketHash('uuid', 'f79c3e09-677c-4bbd-a479-3f349cb785e7')).toBe(mask(1488055340));
    expect(bucketHash('binary', Uint8Array.of(0, 1, 2, 3))).toBe(mask(-188683207));
    expect(encodeBound('int', 1)).toHaveLength(4);
  });

  it('puts the ids of spark/rename_column in the buckets Spark chose', () => {
    // data/id_bucket=0 holds ids 1 and 2, id_bucket=3 holds id 3, id_bucket=2 holds id 4
    expect([1, 2, 3, 4].map((id) => applyTransform('bucket[4]', 'int', id))).toEqual([0, 0, 3, 2]);
  });
});
