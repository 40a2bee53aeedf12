import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { compileFeatureSql } from '@fti/feature-pipeline';
import { onlineRetailFeatures } from '@fti/feature-pipeline/examples/online-retail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINES_PER_INVOICE, RETAIL_COUNTRIES, retailSql } from './retail-sql.js';
import { writeParquet } from './write-parquet.js';

let dir: string;
let connection: DuckDBConnection;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'fti-datagen-retail-'));
  connection = await (await DuckDBInstance.create(':memory:')).connect();
});

afterAll(() => {
  connection.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

const rowsOf = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJS();
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('retailSql', () => {
  it('writes the Online Retail schema, deterministically, and a small file is a prefix of a large one', async () => {
    const schema = await rowsOf(`DESCRIBE ${retailSql({ rows: 10 })}`);
    const real = await rowsOf(
      `DESCRIBE SELECT * FROM read_parquet('${path.join(import.meta.dirname, '../../../examples/online-retail/data/online_retail.parquet')}')`,
    );
    expect(schema.map((c) => [c.column_name, c.column_type])).toEqual(
      real.map((c) => [c.column_name, c.column_type]),
    );
    const files = ['a', 'b', 'c'].map((n) => path.join(dir, `${n}.parquet`));
    expect(
      await writeParquet({ connection, sql: retailSql({ rows: 50_000, customers: 2_000 }), out: files[0]! }),
    ).toBe(50_000);
    await writeParquet({ connection, sql: retailSql({ rows: 50_000, customers: 2_000 }), out: files[1]! });
    await writeParquet({
      connection,
      sql: retailSql({ rows: 50_000, customers: 2_000, seed: 43 }),
      out: files[2]!,
    });
    expect(sha256(files[1]!)).toBe(sha256(files[0]!));
    expect(sha256(files[2]!)).not.toBe(sha256(files[0]!));
    const [prefix] = await rowsOf(`SELECT count(*)::INTEGER AS differing FROM (
      SELECT * FROM (${retailSql({ rows: 1_000, customers: 2_000 })})
      EXCEPT ALL SELECT * FROM (SELECT * FROM read_parquet('${files[0]}') LIMIT 1000))`);
    expect(prefix?.differing).toBe(0);
  });

  it('keeps an invoice on one customer, time and country, a customer in one country, and the shares asked for', async () => {
    const sql = retailSql({
      rows: 200_000,
      customers: 3_000,
      seed: 5,
      guestShare: 0.3,
      cancellationShare: 0.05,
    });
    const [stats] = await rowsOf(`WITH t AS (${sql}) SELECT
      count(DISTINCT InvoiceNo)::INTEGER AS invoices,
      (SELECT count(*) FROM (SELECT InvoiceNo FROM t GROUP BY 1
        HAVING count(DISTINCT coalesce(CustomerID, -1)) > 1 OR count(DISTINCT InvoiceDate) > 1 OR count(DISTINCT Country) > 1))::INTEGER AS mixed_invoices,
      (SELECT count(*) FROM (SELECT CustomerID FROM t WHERE CustomerID IS NOT NULL GROUP BY 1 HAVING count(DISTINCT Country) > 1))::INTEGER AS multi_country_customers,
      avg((CustomerID IS NULL)::INTEGER) AS guest_share,
      avg((InvoiceNo LIKE 'C%')::INTEGER) AS cancelled_share,
      bool_and((InvoiceNo LIKE 'C%') = (Quantity < 0)) AS cancellations_negative,
      min(CustomerID)::INTEGER AS min_customer, max(CustomerID)::INTEGER AS max_customer,
      min(InvoiceDate) >= TIMESTAMP '2010-12-01' AND max(InvoiceDate) < TIMESTAMP '2011-12-10' AS in_window,
      list_sort(list(DISTINCT Country)) AS countries, min(UnitPrice) > 0 AS priced
    FROM t`);
    expect(stats).toMatchObject({
      invoices: 200_000 / LINES_PER_INVOICE,
      mixed_invoices: 0,
      multi_country_customers: 0,
      cancellations_negative: true,
      in_window: true,
      priced: true,
    });
    expect(stats?.guest_share).toBeCloseTo(0.3, 1);
    expect(stats?.cancelled_share).toBeCloseTo(0.05, 1);
    expect(stats?.min_customer).toBeGreaterThanOrEqual(12346);
    expect(stats?.max_customer).toBeLessThanOrEqual(12345 + 3_000);
    expect(stats?.countries).toEqual([...RETAIL_COUNTRIES].sort());
  });

  it('feeds the Online Retail feature definitions unchanged: one row per active customer and date', async () => {
    const source = `(${retailSql({ rows: 50_000, customers: 500 })})`;
    const features = compileFeatureSql(onlineRetailFeatures, {
      dialect: 'duckdb',
      source,
      featureDates: ['2011-06-05', '2011-12-04'],
    });
    const [result] =
      await rowsOf(`SELECT count(*)::INTEGER AS n, count(DISTINCT (customer_id, feature_date))::INTEGER AS keys,
      min(invoices_365d)::INTEGER AS min_invoices FROM (${features})`);
    const [active] =
      await rowsOf(`SELECT (count(DISTINCT CustomerID) FILTER (WHERE InvoiceDate < '2011-06-05')
      + count(DISTINCT CustomerID) FILTER (WHERE InvoiceDate < '2011-12-04' AND InvoiceDate >= '2010-12-04'))::INTEGER AS n FROM ${source}`);
    expect(result?.n).toBe(active?.n);
    expect(result?.keys).toBe(result?.n);
    expect(result?.min_invoices).toBeGreaterThanOrEqual(0);
  });

  it('rejects shares outside [0, 1] and bad counts', () => {
    expect(() => retailSql({ rows: 10, guestShare: 1.5 })).toThrow('guestShare must be in [0, 1], got 1.5');
    expect(() => retailSql({ rows: -1 })).toThrow(/rows must be a positive integer/);
  });
});
