import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { decodeBound, encodeBound } from './bounds.js';
import { compareValues } from './compare-values.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('encodeBound / decodeBound (spec Appendix D)', () => {
  it('encodes each primitive as the spec says', () => {
    expect(hex(encodeBound('boolean', true))).toBe('01');
    expect(hex(encodeBound('int', -2))).toBe('feffffff');
    expect(hex(encodeBound('date', 19000))).toBe('384a0000');
    expect(hex(encodeBound('long', 1n))).toBe('0100000000000000');
    expect(hex(encodeBound('timestamp', 1_315_612_800_000_000n))).toBe(
      Buffer.from(new BigInt64Array([1_315_612_800_000_000n]).buffer).toString('hex'),
    );
    expect(hex(encodeBound('double', 1.5))).toBe('000000000000f83f');
    expect(hex(encodeBound('float', 1.5))).toBe('0000c03f');
    expect(hex(encodeBound('string', 'Flopsy 🐇'))).toBe(hex(Buffer.from('Flopsy 🐇', 'utf8')));
    expect(hex(encodeBound('uuid', 'f79c3e09-677c-4bbd-a479-3f349cb785e7'))).toBe(
      'f79c3e09677c4bbda4793f349cb785e7',
    );
    // decimal(10,2) 33.30 = 3330 unscaled = 0x0d02; -0.02 = 0xfe
    expect(hex(encodeBound('decimal(10,2)', 3330n))).toBe('0d02');
    expect(hex(encodeBound('decimal(10,2)', 33.3))).toBe('0d02');
    expect(hex(encodeBound('decimal(10,2)', -2n))).toBe('fe');
    expect(hex(encodeBound('decimal(10,2)', 128n))).toBe('0080');
    expect(hex(encodeBound('decimal(10,2)', -129n))).toBe('ff7f');
  });

  it('decodes the bounds Spark wrote in spark/rename_column', () => {
    // lower/upper bounds of the fixture manifest, price decimal(10,2) and date columns
    expect(decodeBound('decimal(10,2)', Uint8Array.from([0xfe, 0x0c]))).toBe(-500n);
    expect(decodeBound('decimal(10,2)', Uint8Array.from([0x03, 0xe7]))).toBe(999n);
    expect(decodeBound('decimal(10,2)', Uint8Array.from([0x02, 0x54, 0x0b, 0xe3, 0xff]))).toBe(9999999999n);
    expect(decodeBound('date', Uint8Array.from([0x31, 0x4a, 0, 0]))).toBe(18993); // 2022-01-01
    expect(decodeBound('string', Buffer.from('Mopsy–Naïve'))).toBe('Mopsy–Naïve');
  });

  it('round-trips every type (property)', () => {
    const cases: [Parameters<typeof encodeBound>[0], fc.Arbitrary<unknown>][] = [
      ['boolean', fc.boolean()],
      ['int', fc.integer()],
      ['date', fc.integer({ min: -1_000_000, max: 1_000_000 })],
      ['long', fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })],
      ['timestamptz', fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })],
      ['double', fc.double({ noNaN: true })],
      ['float', fc.float({ noNaN: true })],
      ['string', fc.string({ unit: 'grapheme' })],
      ['uuid', fc.uuid()],
      ['binary', fc.uint8Array()],
      ['decimal(38,4)', fc.bigInt({ min: -(10n ** 38n), max: 10n ** 38n })],
    ];
    for (const [type, arb] of cases) {
      fc.assert(
        fc.property(arb, (value) => {
          const decoded = decodeBound(type, encodeBound(type, value as never));
          expect(decoded).toEqual(value);
        }),
        { numRuns: 200, seed: 42 },
      );
    }
  });

  it('rejects values and byte lengths that do not fit the type', () => {
    expect(() => encodeBound('int', 2 ** 31)).toThrow(InvalidInputError);
    expect(() => encodeBound('string', 3)).toThrow(/does not fit Iceberg type `string`/);
    expect(() => decodeBound('long', new Uint8Array(3))).toThrow(/8 bytes, found 3/);
  });
});

describe('compareValues', () => {
  it('orders strings by code point (UTF-8 byte order), not UTF-16 units', () => {
    // U+FF61 < U+1F407 in code points, though its UTF-16 unit 0xFF61 > 0xD83D
    expect(compareValues('\uff61', '🐇')).toBe(-1);
    expect(Buffer.compare(Buffer.from('\uff61'), Buffer.from('🐇'))).toBe(-1);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        expect(compareValues(a, b)).toBe(Buffer.compare(Buffer.from(a), Buffer.from(b)));
      }),
      { seed: 42 },
    );
  });

  it('compares numbers with bigints exactly', () => {
    expect(compareValues(2.5, 2n)).toBe(1);
    expect(compareValues(-2.5, -3n)).toBe(1);
    expect(compareValues(2n ** 60n + 1n, 2 ** 60)).toBe(1);
    expect(compareValues(Number.NaN, 5)).toBe(1);
    expect(compareValues(-0, 0)).toBe(-1);
    fc.assert(
      fc.property(fc.integer(), fc.integer(), (a, b) => {
        expect(compareValues(a, BigInt(b))).toBe(Math.sign(a - b));
      }),
      { seed: 42 },
    );
  });
});
