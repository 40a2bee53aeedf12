import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileFeatureSql } from '../src/index.js';
import { type DuckDbSession, openDuckDbSession } from './duckdb-session.js';
import { expressionCases, expressionFeatures } from './fixtures/expression-definition.js';

let db: DuckDbSession;
beforeAll(async () => {
  db = await openDuckDbSession();
  // 2024-03-10 is a Sunday.
  await db.run(`CREATE TABLE one_row AS SELECT 7 AS customer, TIMESTAMP '2024-03-10 13:45:00' AS ts,
    'C100' AS invoice, 'O''Brien' AS sku, 3 AS qty, 2.5::DOUBLE AS price, 'UK' AS country, NULL::VARCHAR AS note`);
});
afterAll(() => db.close());

describe('expressions rendered for DuckDB', () => {
  it('evaluate to the hand-computed value of every operator', async () => {
    const sql = compileFeatureSql(expressionFeatures, {
      dialect: 'duckdb',
      source: 'one_row',
      featureDates: ['2024-03-11'],
    });
    const [row] = await db.query(sql);
    const actual = Object.fromEntries(expressionCases.map((c) => [c.name, row?.[c.name]]));
    const expected = Object.fromEntries(expressionCases.map((c) => [c.name, c.expected]));
    expect(actual).toEqual(expected);
  });
});
