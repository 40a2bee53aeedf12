import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onlineRetailFeatures, onlineRetailLabels } from '../src/examples/online-retail-features.js';
import { compileFeatureSql, compileLabelSql } from '../src/index.js';
import { type DuckDbSession, openDuckDbSession, type Row } from './duckdb-session.js';

// The real UCI Online Retail invoice lines (see examples/online-retail/data/README.md).
const PARQUET = path.resolve(
  import.meta.dirname,
  '../../../examples/online-retail/data/online_retail.parquet',
);
const DATES = ['2011-06-05', '2011-09-10'];

let db: DuckDbSession;
let features: Row[];
beforeAll(async () => {
  db = await openDuckDbSession();
  await db.run(`CREATE TABLE retail AS SELECT * FROM read_parquet('${PARQUET}')`);
  features = await db.query(
    compileFeatureSql(onlineRetailFeatures, { dialect: 'duckdb', source: 'retail', featureDates: DATES }),
  );
});
afterAll(() => db.close());

/**
 * The same quantities for one date, written independently: a plain WHERE on the date instead of the range
 * join and windows, LIKE instead of starts_with, per-feature GROUP BYs.
 */
const independentSql = (date: string) => `
  WITH past AS (
    SELECT *, InvoiceNo LIKE 'C%' AS cancelled, Quantity * UnitPrice AS revenue
    FROM retail
    WHERE CustomerID IS NOT NULL AND InvoiceDate < DATE '${date}' AND InvoiceDate >= DATE '${date}' - INTERVAL 365 DAY
  )
  SELECT
    CustomerID AS customer_id,
    count(DISTINCT InvoiceNo) FILTER (WHERE NOT cancelled AND InvoiceDate >= DATE '${date}' - INTERVAL 30 DAY) AS invoices_30d,
    sum(revenue) AS revenue_365d,
    count(DISTINCT StockCode) FILTER (WHERE NOT cancelled AND InvoiceDate >= DATE '${date}' - INTERVAL 90 DAY) AS distinct_products_90d,
    count(*) AS lines_365d,
    DATE '${date}' - max(InvoiceDate::DATE) FILTER (WHERE NOT cancelled) AS days_since_last_purchase,
    count(DISTINCT InvoiceNo) FILTER (WHERE cancelled) / count(DISTINCT InvoiceNo) AS cancellation_share_365d
  FROM past
  GROUP BY CustomerID
  ORDER BY CustomerID`;

describe('Online Retail customer features on DuckDB', () => {
  for (const date of DATES) {
    it(`match an independent plain-SQL computation for every customer on ${date}`, async () => {
      const expected = await db.query(independentSql(date));
      const actual = features.filter((row) => row.feature_date === date);
      expect(actual.length).toBe(expected.length);
      expect(actual.length).toBeGreaterThan(2500);
      const pick = (row: Row) => ({
        customer_id: row.customer_id,
        invoices_30d: row.invoices_30d,
        distinct_products_90d: row.distinct_products_90d,
        lines_365d: row.lines_365d,
        days_since_last_purchase: row.days_since_last_purchase,
      });
      expect(actual.map(pick)).toEqual(expected.map(pick));
      actual.forEach((row, i) => {
        const other = expected[i] as Row;
        expect(row.revenue_365d as number).toBeCloseTo(other.revenue_365d as number, 6);
        expect(row.cancellation_share_365d as number).toBeCloseTo(
          other.cancellation_share_365d as number,
          12,
        );
      });
    });
  }

  it('pins a few values of customer 17850 on 2011-09-10 (checked by hand against the raw lines)', async () => {
    const raw = await db.query(`
      SELECT InvoiceNo LIKE 'C%' AS cancelled, max(InvoiceDate) AS last_line, count(*) AS lines
      FROM retail WHERE CustomerID = 17850 AND InvoiceDate < DATE '2011-09-10' GROUP BY 1 ORDER BY 1`);
    // 297 purchase lines up to 2010-12-02 15:27, then 15 cancellation lines up to 2011-02-10.
    expect(raw).toEqual([
      { cancelled: false, last_line: '2010-12-02T15:27:00.000Z', lines: 297 },
      { cancelled: true, last_line: '2011-02-10T14:38:00.000Z', lines: 15 },
    ]);
    const row = features.find((r) => r.customer_id === 17850 && r.feature_date === '2011-09-10') as Row;
    // 2010-12-02 → 2011-09-10 is 282 days; cancellations do not count as purchases.
    expect(row).toMatchObject({
      country: 'United Kingdom',
      days_since_last_purchase: 282,
      lines_365d: 312,
      invoices_30d: 0,
      revenue_7d: 0,
    });
  });

  it('gives the most frequent country with ties broken by the smaller name', async () => {
    const expected = await db.query(`
      SELECT CustomerID AS customer_id, Country AS country FROM (
        SELECT CustomerID, Country, row_number() OVER (PARTITION BY CustomerID ORDER BY count(*) DESC, Country) AS rn
        FROM retail
        WHERE CustomerID IS NOT NULL AND InvoiceDate < DATE '2011-09-10'
          AND InvoiceDate >= DATE '2011-09-10' - INTERVAL 365 DAY AND Country IS NOT NULL
        GROUP BY CustomerID, Country)
      WHERE rn = 1 ORDER BY CustomerID`);
    const actual = features
      .filter((r) => r.feature_date === '2011-09-10')
      .map((r) => ({ customer_id: r.customer_id, country: r.country }));
    expect(actual).toEqual(expected);
  });

  it('scores RFM frequency monotonically: more invoices never score lower, equal invoices score alike', () => {
    const rows = features
      .filter((r) => r.feature_date === '2011-09-10' && r.rfm_f !== null)
      .sort((a, b) => (a.invoices_365d as number) - (b.invoices_365d as number));
    const scores = rows.map((r) => r.rfm_f as number);
    expect(scores[0]).toBe(1);
    expect(scores[scores.length - 1]).toBe(5);
    for (let i = 1; i < rows.length; i += 1) {
      expect(scores[i]).toBeGreaterThanOrEqual(scores[i - 1] as number);
      if (rows[i]?.invoices_365d === rows[i - 1]?.invoices_365d) expect(scores[i]).toBe(scores[i - 1]);
    }
    // Ties share the lowest bin: the customers with the fewest invoices all score 1, and only they do.
    const fewest = rows[0]?.invoices_365d;
    expect(scores.filter((score) => score === 1).length).toBe(
      rows.filter((r) => r.invoices_365d === fewest).length,
    );
  });

  it('labels "a non-cancelled invoice within the next 90 days" from [D, D + 90 days) only', async () => {
    const labels = await db.query(
      compileLabelSql(onlineRetailLabels, {
        dialect: 'duckdb',
        source: 'retail',
        featureDates: ['2011-09-10'],
      }),
    );
    const expected = await db.query(`
      WITH population AS (
        SELECT DISTINCT CustomerID FROM retail
        WHERE CustomerID IS NOT NULL AND InvoiceDate < DATE '2011-09-10'
          AND InvoiceDate >= DATE '2011-09-10' - INTERVAL 365 DAY),
      future AS (
        SELECT DISTINCT CustomerID FROM retail
        WHERE InvoiceNo NOT LIKE 'C%' AND InvoiceDate >= DATE '2011-09-10'
          AND InvoiceDate < DATE '2011-09-10' + INTERVAL 90 DAY)
      SELECT p.CustomerID AS customer_id, f.CustomerID IS NOT NULL AS purchases_next_90d
      FROM population p LEFT JOIN future f USING (CustomerID) ORDER BY 1`);
    expect(
      labels.map((r) => ({ customer_id: r.customer_id, purchases_next_90d: r.purchases_next_90d })),
    ).toEqual(expected);
    const share = expected.filter((r) => r.purchases_next_90d).length / expected.length;
    expect(share).toBeGreaterThan(0.4);
    expect(share).toBeLessThan(0.9);
  });
});
