import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { defineEntity } from './entity.js';
import { defineFeatureView, type FeatureViewInput } from './feature-view.js';
import { parseFeatureView, serializeFeatureView } from './feature-view-json.js';
import { deriveFeatureViewTable } from './feature-view-table.js';

const customer = defineEntity({
  name: 'customer',
  joinKeys: [{ name: 'customer_id', type: 'long' }],
  description: 'a retail customer',
});

const input: FeatureViewInput = {
  name: 'customer_spend',
  version: 2,
  entities: ['customer', { name: 'store', joinKeys: [{ name: 'store_id', type: 'string' }] }],
  features: [
    { name: 'spend_30d', type: 'double', description: 'spend over the last 30 days' },
    { name: 'orders_30d', type: 'long', description: 'orders over the last 30 days', required: true },
  ],
  ttl: 'P90D',
  owner: 'growth@example.com',
  description: 'spend per customer and store',
};

function errorOf(fn: () => unknown): InvalidInputError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return error as InvalidInputError;
  }
  throw new Error('expected an InvalidInputError');
}

describe('defineFeatureView', () => {
  it('resolves entity names, applies defaults and freezes the view', () => {
    const view = defineFeatureView(input, { entities: [customer] });
    expect(view.entities.map((e) => e.name)).toEqual(['customer', 'store']);
    expect(view.entities[0]).toEqual(customer);
    expect(view.eventTimeColumn).toBe('feature_date');
    expect(view.eventTimeType).toBe('date');
    expect(view.tags).toEqual({});
    expect(view.partition).toEqual([{ column: 'feature_date', transform: 'month' }]);
    expect(view.features[0]?.required).toBe(false);
    expect(Object.isFrozen(view)).toBe(true);
    expect(Object.isFrozen(view.features[1])).toBe(true);
  });

  it('derives the table: keys and event time required, features as declared, month partition', () => {
    const view = defineFeatureView(input, { entities: [customer] });
    const table = deriveFeatureViewTable(view);
    expect(table.columns).toEqual([
      {
        name: 'customer_id',
        type: 'long',
        required: true,
        doc: 'join key of entity customer: a retail customer',
      },
      { name: 'store_id', type: 'string', required: true, doc: 'join key of entity store' },
      {
        name: 'feature_date',
        type: 'date',
        required: true,
        doc: 'event time: when the feature values became known (valid for P90D after it)',
      },
      { name: 'spend_30d', type: 'double', required: false, doc: 'spend over the last 30 days' },
      { name: 'orders_30d', type: 'long', required: true, doc: 'orders over the last 30 days' },
    ]);
    expect(table.partition).toEqual([{ column: 'feature_date', transform: 'month' }]);
    expect(parseFeatureView(table.properties['fti.feature-view'] ?? '')).toEqual(view);
  });

  it('keeps a timestamp event time and a custom partition', () => {
    const view = defineFeatureView(
      {
        ...input,
        eventTimeColumn: 'event_ts',
        eventTimeType: 'timestamp',
        partition: [
          { column: 'event_ts', transform: 'day' },
          { column: 'store_id', transform: 'identity' },
        ],
      },
      { entities: [customer] },
    );
    const table = deriveFeatureViewTable(view);
    expect(table.columns[2]).toMatchObject({ name: 'event_ts', type: 'timestamp', required: true });
    expect(table.partition).toEqual([
      { column: 'event_ts', transform: 'day' },
      { column: 'store_id', transform: 'identity' },
    ]);
  });

  it('serializes to stable JSON that parses back to an equal view', () => {
    const view = defineFeatureView(input, { entities: [customer] });
    const json = serializeFeatureView(view);
    const again = parseFeatureView(json);
    expect(again).toEqual(view);
    expect(serializeFeatureView(again)).toBe(json);
    expect(JSON.parse(json).entities[0]).toEqual({
      name: 'customer',
      joinKeys: [{ name: 'customer_id', type: 'long' }],
      description: 'a retail customer',
    });
  });

  it.each<[string, (i: FeatureViewInput) => unknown, string, RegExp]>([
    [
      'duplicate feature names',
      (i) => ({ ...i, features: [i.features[0], i.features[0]] }),
      'features[1].name',
      /`spend_30d` is already used by features\[0\]\.name/,
    ],
    [
      'a feature named like a key',
      (i) => ({ ...i, features: [{ name: 'customer_id', type: 'long', description: 'x' }] }),
      'features[0].name',
      /`customer_id` is already used by entities\[0\]\.joinKeys\[0\]\.name/,
    ],
    [
      'a feature named like the event time',
      (i) => ({ ...i, features: [{ name: 'feature_date', type: 'date', description: 'x' }] }),
      'features[0].name',
      /already used by eventTimeColumn/,
    ],
    [
      'an unknown type',
      (i) => ({ ...i, features: [{ name: 'x', type: 'decimal', description: 'x' }] }),
      'features[0].type',
      /unknown type "decimal"; use one of boolean, int, long, float, double, date, timestamp, string/,
    ],
    ['a TTL in months', (i) => ({ ...i, ttl: 'P3M' }), 'ttl', /years or months/],
    ['a TTL that is not a duration', (i) => ({ ...i, ttl: '90d' }), 'ttl', /not an ISO-8601 duration/],
    ['a bad view name', (i) => ({ ...i, name: 'customer-spend' }), 'name', /lowercase snake_case/],
    ['a double underscore', (i) => ({ ...i, name: 'customer__spend' }), 'name', /lowercase snake_case/],
    ['a version of 0', (i) => ({ ...i, version: 0 }), 'version', /must be a positive integer/],
    [
      'an unknown entity',
      (i) => ({ ...i, entities: ['supplier'] }),
      'entities[0]',
      /entity `supplier`, which is not defined/,
    ],
    ['no features', (i) => ({ ...i, features: [] }), 'features', /at least one feature/],
    [
      'a partition on a missing column',
      (i) => ({ ...i, partition: [{ column: 'day', transform: 'identity' }] }),
      'partition[0].column',
      /`day` is not a column/,
    ],
    [
      'a month partition of a string column',
      (i) => ({ ...i, partition: [{ column: 'store_id', transform: 'month' }] }),
      'partition[0].transform',
      /month needs a date or timestamp column, not string/,
    ],
  ])('rejects %s, naming the field', (_, change, field, message) => {
    const error = errorOf(() =>
      defineFeatureView(change(input) as FeatureViewInput, { entities: [customer] }),
    );
    expect(error.column).toBe(field);
    expect(error.message).toMatch(/^feature view `[a-z_-]+`: /);
    expect(error.message).toMatch(message);
  });

  it('rejects stored text that is not JSON, naming the property', () => {
    expect(errorOf(() => parseFeatureView('{oops')).message).toMatch(/fti\.feature-view is not valid JSON/);
  });
});
