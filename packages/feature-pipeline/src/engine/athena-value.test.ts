import { describe, expect, it } from 'vitest';
import { athenaValueType, parseAthenaValue } from './athena-value.js';

describe('athenaValueType / parseAthenaValue', () => {
  it('maps Athena type names, parameters ignored', () => {
    expect(
      [
        'boolean',
        'tinyint',
        'integer',
        'bigint',
        'real',
        'double',
        'decimal(18,2)',
        'varchar(20)',
        'char(2)',
        'date',
        'timestamp(3)',
        'timestamp with time zone',
        'array(integer)',
      ].map(athenaValueType),
    ).toEqual([
      'boolean',
      'int',
      'int',
      'long',
      'double',
      'double',
      'decimal',
      'string',
      'string',
      'date',
      'timestamp',
      'timestamp',
      'other',
    ]);
  });

  it('parses Athena’s text forms exactly', () => {
    expect(parseAthenaValue('9007199254740993', 'long', 'l')).toBe(9007199254740993n);
    expect(parseAthenaValue('12345678901234.56', 'decimal', 'd')).toBe('12345678901234.56');
    expect(parseAthenaValue('-Infinity', 'double', 'x')).toBe(Number.NEGATIVE_INFINITY);
    expect(parseAthenaValue('NaN', 'double', 'x')).toBeNaN();
    expect(parseAthenaValue('false', 'boolean', 'b')).toBe(false);
    expect(parseAthenaValue(undefined, 'string', 's')).toBeNull();
    expect(parseAthenaValue('', 'string', 's')).toBe('');
    expect(parseAthenaValue('2011-09-10 12:34:56.789123', 'timestamp', 't')).toEqual(
      new Date('2011-09-10T12:34:56.789Z'),
    );
    expect(parseAthenaValue('2011-09-10 12:34:56.000 UTC', 'timestamp', 't')).toEqual(
      new Date('2011-09-10T12:34:56Z'),
    );
    expect(parseAthenaValue('2011-09-10 12:34:56 +02:00', 'timestamp', 't')).toEqual(
      new Date('2011-09-10T10:34:56Z'),
    );
  });

  it('names the column of a timestamp in a named zone it cannot convert', () => {
    expect(() => parseAthenaValue('2011-09-10 12:34:56.000 Europe/Berlin', 'timestamp', 'sold_at')).toThrow(
      /column `sold_at`: Athena returned the timestamp "2011-09-10 12:34:56.000 Europe\/Berlin"/,
    );
  });
});
