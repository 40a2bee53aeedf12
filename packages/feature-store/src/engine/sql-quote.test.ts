import { describe, expect, test } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { quoteIdentifier, quoteLiteral } from './sql-quote.js';

describe('quoteIdentifier', () => {
  test('wraps in double quotes and doubles inner quotes', () => {
    expect(quoteIdentifier('amount')).toBe('"amount"');
    expect(quoteIdentifier('we"ird name')).toBe('"we""ird name"');
  });
  test('rejects NUL', () => {
    expect(() => quoteIdentifier('a\0b')).toThrow(InvalidInputError);
  });
});

describe('quoteLiteral', () => {
  test.each([
    [null, 'NULL'],
    ["it's", "'it''s'"],
    [42, '42'],
    [1.5, "'1.5'::DOUBLE"],
    [2.8386874223827314e-5, "'0.000028386874223827314'::DOUBLE"],
    [Number.NaN, "'NaN'::DOUBLE"],
    [Number.NEGATIVE_INFINITY, "'-Infinity'::DOUBLE"],
    [12345678901234567890n, '12345678901234567890'],
    [true, 'TRUE'],
    [new Date('2024-03-01T12:00:00.123Z'), 'make_timestamp(1709294400123000)'],
    [Uint8Array.of(0, 255), "from_hex('00ff')"],
  ])('%s renders as %s', (value, sql) => {
    expect(quoteLiteral(value)).toBe(sql);
  });
  test('renders a string holding NUL as its parts joined by chr(0)', () => {
    expect(quoteLiteral("a\0b'c\0")).toBe("('a' || chr(0) || 'b''c' || chr(0) || '')");
  });
});
