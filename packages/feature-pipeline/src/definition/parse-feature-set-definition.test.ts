import { describe, expect, it } from 'vitest';
import { InvalidDefinitionError } from '../errors.js';
import { expr } from './expr.js';
import type { FeatureInput } from './feature.js';
import { parseFeatureSetDefinition } from './parse-feature-set-definition.js';

const { col } = expr;
const withFeatures = (features: FeatureInput[], extra: Record<string, unknown> = {}) => ({
  name: 'orders',
  version: 1,
  source: {
    entityKey: 'user_id',
    eventTime: 'at',
    columns: { user_id: 'long', at: 'timestamp', total: 'double', status: 'string' },
    values: { paid: expr.eq(col('status'), 'paid') },
  },
  entity: { name: 'user_id' },
  features,
  ...extra,
});
const count: FeatureInput = { kind: 'aggregate', name: 'orders_7d', fn: 'count', windowDays: 7 };

const rejects = (input: unknown, pattern: RegExp) => {
  const run = () => parseFeatureSetDefinition(input);
  expect(run).toThrow(InvalidDefinitionError);
  expect(run).toThrow(pattern);
};

describe('parseFeatureSetDefinition', () => {
  it('applies defaults and keeps the features in order', () => {
    const definition = parseFeatureSetDefinition(withFeatures([count]));
    expect(definition.description).toBe('');
    expect(definition.features.map((f) => [f.name, f.description])).toEqual([['orders_7d', '']]);
  });

  it('names the definition, the path and the fix for shape errors', () => {
    rejects(
      withFeatures([{ ...count, windowDays: 0 }]),
      /`orders` at features\[0\]\.windowDays: .*>0|too small/i,
    );
    rejects(
      withFeatures([{ ...count, name: 'Orders-7d' }]),
      /features\[0\]\.name: must be lowercase snake_case/,
    );
    rejects(withFeatures([count], { features: [] }), /at features/);
    rejects({ ...withFeatures([count]), source: { entityKey: 'user_id' } }, /at source\.eventTime/);
  });

  it('rejects unknown columns and mistyped expressions, listing what is known', () => {
    rejects(
      withFeatures([{ kind: 'aggregate', name: 's', fn: 'sum', of: col('amount'), windowDays: 7 }]),
      /features\[0\]\.of: unknown column `amount`; .*known: user_id, at, total, status, paid/,
    );
    rejects(
      withFeatures([{ kind: 'aggregate', name: 's', fn: 'sum', of: col('status'), windowDays: 7 }]),
      /features\[0\]\.of: must be numeric, not string/,
    );
    rejects(
      withFeatures([{ ...count, filter: col('total') }]),
      /features\[0\]\.filter: must be a condition \(boolean\), not double/,
    );
    rejects(
      withFeatures([{ kind: 'share', name: 'x', condition: expr.add(col('status'), 1), windowDays: 7 }]),
      /features\[0\]\.condition: `add` needs numbers, got string and long/,
    );
    rejects(
      withFeatures([{ kind: 'aggregate', name: 'c', fn: 'count', of: col('total'), windowDays: 7 }]),
      /`count` counts rows and takes no `of`/,
    );
  });

  it('rejects duplicate names, reserved names and forward or non-numeric references', () => {
    rejects(withFeatures([count, count]), /output column `orders_7d` is defined twice/);
    rejects(
      withFeatures([{ ...count, name: 'feature_date' }]),
      /name of the entity key or feature date column/,
    );
    rejects(
      withFeatures([{ kind: 'ratio', name: 'r', numerator: 'orders_7d', denominator: 'orders_7d' }, count]),
      /features\[0\]\.numerator: `orders_7d` is not a feature defined before `r`/,
    );
    rejects(
      withFeatures([
        { kind: 'mostFrequent', name: 'top_status', of: col('status'), windowDays: 7 },
        { kind: 'ratio', name: 'r', numerator: 'top_status', denominator: 'top_status' },
      ]),
      /`top_status` is string, not numeric/,
    );
    rejects(
      withFeatures([
        { kind: 'rfm', name: 'orders', windowDays: 7, monetary: col('total') },
        { ...count, name: 'orders_r' },
      ]),
      /output column `orders_r` is defined twice/,
    );
  });

  it('checks the source: declared key and time, time type, value names', () => {
    const base = withFeatures([count]);
    rejects(
      { ...base, source: { ...base.source, eventTime: 'total' } },
      /source\.eventTime: .*timestamp or date/,
    );
    rejects(
      { ...base, source: { ...base.source, entityKey: 'nope' } },
      /source\.entityKey: `nope` must also be declared/,
    );
    rejects(
      { ...base, source: { ...base.source, values: { total: col('total') } } },
      /source\.values\.total: a value must not have the name of a source column/,
    );
    rejects(
      { ...base, source: { ...base.source, columns: { ...base.source.columns, __fti_x: 'long' } } },
      /reserved/,
    );
  });

  it('validates custom SQL against the features defined before it', () => {
    const sql = (text: string): FeatureInput => ({ kind: 'sql', name: 'custom', sql: text, type: 'double' });
    expect(() => parseFeatureSetDefinition(withFeatures([count, sql('div(orders_7d, 7)')]))).not.toThrow();
    rejects(withFeatures([count, sql('orders_7d / 7')]), /features\[1\]\.sql: `\/` is not allowed: use div/);
    rejects(withFeatures([count, sql('orders_7d; DROP TABLE x')]), /unexpected `;/);
    rejects(withFeatures([count, sql('(SELECT 1)')]), /`SELECT` is not a feature defined earlier/);
    rejects(withFeatures([count, sql('total * 2')]), /`total` is not a feature defined earlier/);
    rejects(withFeatures([count, sql('orders_7d -- comment')]), /comments are not allowed/);
    rejects(withFeatures([count, sql('"orders_7d"')]), /unexpected `"orders_7d/);
    rejects(withFeatures([count, sql('custom + 1')]), /`custom` is not a feature defined earlier/);
    rejects(withFeatures([count, sql('abs(orders_7d')]), /unbalanced `\(`/);
    rejects(withFeatures([count, sql('div(orders_7d)')]), /div takes exactly two arguments/);
  });
});
