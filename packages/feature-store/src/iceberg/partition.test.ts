import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { createPartitionSpec } from './partition.js';
import { partitionPath } from './partition-path.js';
import { createSchema } from './schema.js';

const schema = createSchema([
  { name: 'customer_id', type: 'long', required: true },
  { name: 'feature_date', type: 'date', required: true },
  { name: 'ts', type: 'timestamp' },
  { name: 'country', type: 'string' },
]);

describe('createPartitionSpec', () => {
  it('assigns field ids from 1000 and names <column>_<transform>', () => {
    const spec = createPartitionSpec(
      [
        { column: 'feature_date', transform: 'month' },
        { column: 'country', transform: 'identity' },
        { column: 'ts', transform: 'day' },
      ],
      schema,
    );
    expect(spec).toEqual({
      specId: 0,
      fields: [
        { sourceId: 2, fieldId: 1000, name: 'feature_date_month', transform: 'month' },
        { sourceId: 4, fieldId: 1001, name: 'country', transform: 'identity' },
        { sourceId: 3, fieldId: 1002, name: 'ts_day', transform: 'day' },
      ],
    });
    expect(createPartitionSpec([], schema)).toEqual({ specId: 0, fields: [] });
    expect(
      createPartitionSpec([{ column: 'ts', transform: 'year' }], schema, {
        specId: 1,
        lastPartitionId: 1002,
      }),
    ).toEqual({ specId: 1, fields: [{ sourceId: 3, fieldId: 1003, name: 'ts_year', transform: 'year' }] });
  });

  it('rejects unknown columns and month on a non-date column, naming the column', () => {
    const bad = (column: string, transform: 'month' | 'identity') => () =>
      createPartitionSpec([{ column, transform }], schema);
    expect(bad('nope', 'identity')).toThrow(InvalidInputError);
    expect(bad('nope', 'identity')).toThrow(/`nope` is not in the schema/);
    expect(bad('country', 'month')).toThrow(/`month` does not apply to column `country`/);
    try {
      bad('customer_id', 'month')();
    } catch (error) {
      expect((error as InvalidInputError).column).toBe('customer_id');
    }
  });
});

describe('partitionPath', () => {
  it('renders human partition folders', () => {
    const spec = createPartitionSpec(
      [
        { column: 'feature_date', transform: 'month' },
        { column: 'country', transform: 'identity' },
        { column: 'ts', transform: 'day' },
      ],
      schema,
    );
    expect(
      partitionPath(spec, schema, { feature_date_month: 500, country: 'United Kingdom', ts_day: 15227 }),
    ).toBe('feature_date_month=2011-09/country=United%20Kingdom/ts_day=2011-09-10');
    expect(partitionPath(spec, schema, { feature_date_month: -1, country: null, ts_day: 0 })).toBe(
      'feature_date_month=1969-12/country=null/ts_day=1970-01-01',
    );
    const dateIdentity = createPartitionSpec([{ column: 'feature_date', transform: 'identity' }], schema);
    expect(partitionPath(dateIdentity, schema, { feature_date: 15227 })).toBe('feature_date=2011-09-10');
    const year = createPartitionSpec([{ column: 'feature_date', transform: 'year' }], schema);
    expect(partitionPath(year, schema, { feature_date_year: 41 })).toBe('feature_date_year=2011');
  });
});
