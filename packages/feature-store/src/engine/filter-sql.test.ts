import { describe, expect, test } from 'vitest';
import { InvalidInputError } from '../errors.js';
import type { Filter } from '../iceberg/filter.js';
import type { Schema } from '../iceberg/types.js';
import { filterColumns, filterToSql } from './filter-sql.js';

const schema: Schema = {
  schemaId: 0,
  fields: [
    { id: 1, name: 'customer_id', required: true, type: 'long' },
    { id: 2, name: 'ts', required: false, type: 'timestamp' },
    { id: 3, name: 'tz', required: false, type: 'timestamptz' },
    { id: 4, name: 'day', required: false, type: 'date' },
    { id: 5, name: 'category', required: false, type: 'string' },
    { id: 6, name: 'odd "name"', required: false, type: 'double' },
  ],
};

describe('filterToSql', () => {
  test.each<[Filter, string]>([
    [{ column: 'customer_id', op: '=', value: 7n }, '"customer_id" = 7'],
    [{ column: 'category', op: '!=', value: "o'neil" }, `"category" <> 'o''neil'`],
    [{ column: 'odd "name"', op: '>=', value: 0.5 }, `"odd ""name""" >= '0.5'::DOUBLE`],
    [
      { column: 'ts', op: '<', value: new Date('2024-02-01T10:30:00.5Z') },
      `"ts" < TIMESTAMP '2024-02-01 10:30:00.500'`,
    ],
    [
      { column: 'tz', op: '<=', value: new Date('2024-02-01T00:00:00Z') },
      `"tz" <= TIMESTAMPTZ '2024-02-01 00:00:00.000+00'`,
    ],
    [{ column: 'day', op: '>', value: new Date('2024-02-01T00:00:00Z') }, `"day" > DATE '2024-02-01'`],
    [
      { column: 'day', op: '>', value: new Date('2024-02-01T06:00:00Z') },
      `"day" > TIMESTAMP '2024-02-01 06:00:00.000'`,
    ],
    [{ column: 'category', op: 'in', values: ['a', 'b'] }, `"category" IN ('a', 'b')`],
    [{ column: 'category', op: 'in', values: [] }, 'FALSE'],
    [{ column: 'ts', op: 'isNull' }, '"ts" IS NULL'],
    [{ column: 'ts', op: 'notNull' }, '"ts" IS NOT NULL'],
    [{ and: [] }, 'TRUE'],
    [{ or: [] }, 'FALSE'],
    [
      {
        and: [
          { column: 'customer_id', op: '>', value: 1 },
          { or: [{ column: 'category', op: '=', value: 'x' }, { not: { column: 'ts', op: 'isNull' } }] },
        ],
      },
      `("customer_id" > 1 AND ("category" = 'x' OR (NOT "ts" IS NULL)))`,
    ],
  ])('case %# → %s', (filter, sql) => {
    expect(filterToSql({ filter, schema })).toBe(sql);
  });

  test('renders columns through columnSql', () => {
    const sql = filterToSql({
      filter: { column: 'customer_id', op: '=', value: 1 },
      schema,
      columnSql: (f) => `c${f.id}`,
    });
    expect(sql).toBe('c1 = 1');
  });

  test('unknown column names the column', () => {
    const run = () => filterToSql({ filter: { column: 'nope', op: 'isNull' }, schema });
    expect(run).toThrow(InvalidInputError);
    expect(run).toThrow(/`nope`/);
  });

  test('filterColumns lists every column read', () => {
    const filter = {
      or: [{ column: 'ts', op: 'isNull' as const }, { not: { column: 'day', op: 'notNull' as const } }],
    };
    expect([...filterColumns(filter)].sort()).toEqual(['day', 'ts']);
  });
});
