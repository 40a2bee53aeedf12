import { DuckDb } from '@fti/feature-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExpectationInput, ExpectationSchema } from './expectation.js';
import { type ValidateFeaturesOptions, validateFeatures } from './validate-features.js';

let db: DuckDb;
beforeAll(async () => {
  db = await DuckDb.open({ threads: 1 });
  // Two dates; customer 2 appears twice on 2024-03-11; customer 3 has a null score and a bad segment.
  await db.run(`CREATE TABLE features AS SELECT * FROM (VALUES
    (1, DATE '2024-03-04', 10.0, 3, 'gold'),
    (2, DATE '2024-03-04', 20.0, 5, 'silver'),
    (1, DATE '2024-03-11', 30.0, 1, 'gold'),
    (2, DATE '2024-03-11', 40.0, 6, 'silver'),
    (2, DATE '2024-03-11', 50.0, 2, 'silver'),
    (3, DATE '2024-03-11', NULL, NULL, 'tin')
  ) AS t(customer_id, feature_date, amount, score, segment)`);
  await db.run(`CREATE TABLE previous AS SELECT * FROM (VALUES
    (1, DATE '2024-02-26', 10.0), (2, DATE '2024-02-26', 20.0), (3, DATE '2024-02-26', 30.0)
  ) AS t(customer_id, feature_date, amount)`);
});
afterAll(() => db.close());

const base = (expectations: ExpectationInput[]): ValidateFeaturesOptions => ({
  db,
  relation: 'features',
  entityKey: 'customer_id',
  columns: [
    { name: 'amount', type: 'double' },
    { name: 'score', type: 'int' },
    { name: 'segment', type: 'string' },
  ],
  featureDates: ['2024-03-04', '2024-03-11', '2024-03-18'],
  expectations: expectations.map((e) => ExpectationSchema.parse(e)),
  sampleSize: 2,
  runDate: '2024-03-20',
  latestEvent: '2024-03-17T10:00:00.000Z',
  latestEventBefore: new Map([
    ['2024-03-04', '2024-03-03T09:00:00.000Z'],
    ['2024-03-11', '2024-02-20T09:00:00.000Z'],
    ['2024-03-18', null],
  ]),
  baseline: 'previous',
});

describe('validateFeatures', () => {
  it('counts every row-level failure in one pass and samples the failing rows', async () => {
    const checked = await validateFeatures(
      base([
        { kind: 'notNull', column: 'score' },
        { kind: 'range', column: 'score', min: 1, max: 5 },
        { kind: 'allowedValues', column: 'segment', values: ['gold', 'silver'] },
        { kind: 'uniqueKey' },
      ]),
    );
    expect(checked.rowCount).toBe(6);
    expect(Object.fromEntries(checked.rowsPerDate)).toEqual({
      '2024-03-04': 2,
      '2024-03-11': 4,
      '2024-03-18': 0,
    });
    expect(checked.results.map((r) => [r.id, r.status, r.failingCount])).toEqual([
      ['notNull(score)', 'failed', 1],
      ['range(score, 1..5)', 'failed', 1],
      ['allowedValues(segment)', 'failed', 1],
      ['uniqueKey', 'failed', 2],
    ]);
    // Customer 3 fails two expectations and customer 2's two rows of 2024-03-11 the key (one also the
    // range): five failures on three distinct rows.
    expect(checked.failingRows).toBe(3);
    expect(checked.results[1]?.sample).toEqual([
      { customer_id: 2, feature_date: '2024-03-11', amount: 40, score: 6, segment: 'silver' },
    ]);
    expect(checked.results[3]?.sample.map((r) => r.amount)).toEqual([40, 50]);
  });

  it('gives each row the ids of the expectations it violates', async () => {
    const checked = await validateFeatures(
      base([
        { kind: 'notNull', column: 'score' },
        { kind: 'allowedValues', column: 'segment', values: ['gold', 'silver'] },
        { kind: 'uniqueKey' },
      ]),
    );
    const rows = await db.query(
      `SELECT customer_id, amount, array_to_string(${checked.reasonsSql}, ' | ') AS reasons FROM features ORDER BY feature_date, customer_id, amount`,
    );
    expect(rows.map((r) => r.reasons)).toEqual([
      '',
      '',
      '',
      'uniqueKey',
      'uniqueKey',
      'notNull(score) | allowedValues(segment)',
    ]);
  });

  it('judges row counts per date, including dates without rows', async () => {
    const [result] = (await validateFeatures(base([{ kind: 'rowCount', min: 2, max: 3 }]))).results;
    expect(result).toMatchObject({ level: 'table', status: 'failed', failingCount: 2 });
    expect(result?.sample).toEqual([
      { feature_date: '2024-03-11', rows: 4 },
      { feature_date: '2024-03-18', rows: 0 },
    ]);
  });

  it('judges freshness against the run date or each feature date', async () => {
    const { results } = await validateFeatures(
      base([
        { kind: 'freshness', maxAgeDays: 3 },
        { kind: 'freshness', maxAgeDays: 2 },
        { kind: 'freshness', maxAgeDays: 7, relativeTo: 'featureDate' },
      ]),
    );
    expect(results.map((r) => [r.status, r.observed.ageDays ?? r.failingCount])).toEqual([
      ['passed', 3],
      ['failed', 3],
      ['failed', 2],
    ]);
    expect(results[2]?.sample.map((s) => [s.feature_date, s.age_days])).toEqual([
      ['2024-03-11', 20],
      ['2024-03-18', null],
    ]);
  });

  it('measures a mean shift in previous standard deviations and a null-share shift', async () => {
    const { results } = await validateFeatures(
      base([
        { kind: 'distributionShift', column: 'amount', maxMeanShift: 2 },
        { kind: 'distributionShift', column: 'amount', maxMeanShift: 1.5, maxNullShareShift: 0.1 },
      ]),
    );
    // Now: mean 30 of five values, 1 null in 6; before: mean 20, sd 10, no nulls.
    expect(results[0]).toMatchObject({
      status: 'passed',
      observed: { mean: 30, previousMean: 20, meanShift: 1 },
    });
    expect(results[0]?.observed.nullShare).toBeCloseTo(1 / 6, 12);
    expect(results[1]?.status).toBe('failed');
    expect(results[1]?.message).toBe('null share moved 0.167 (at most 0.1)');
  });

  it('skips a distribution shift on the first run, and refuses unknown columns', async () => {
    const { results } = await validateFeatures({
      ...base([{ kind: 'distributionShift', column: 'amount', maxMeanShift: 1 }]),
      baseline: undefined,
    });
    expect(results[0]).toMatchObject({ status: 'skipped', failingCount: 0 });
    await expect(validateFeatures(base([{ kind: 'notNull', column: 'amuont' }]))).rejects.toThrow(
      /expectations\[0\]\.column: `amuont` is not an output column/,
    );
    await expect(
      validateFeatures(base([{ kind: 'distributionShift', column: 'segment', maxMeanShift: 1 }])),
    ).rejects.toThrow(/segment` is string; a mean shift needs a number/);
  });
});
