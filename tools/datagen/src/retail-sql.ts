import { assertWindow } from './assert-window.js';
import { hashRandom, type SqlRandom } from './sql-random.js';

/** Countries of the generated customers, the first drawn for most (as in the UCI data, mostly UK). */
export const RETAIL_COUNTRIES = [
  'United Kingdom',
  'Germany',
  'France',
  'EIRE',
  'Spain',
  'Netherlands',
  'Belgium',
  'Switzerland',
] as const;

/** Lines per invoice: row i belongs to invoice floor(i / LINES_PER_INVOICE). */
export const LINES_PER_INVOICE = 16;

/** What to generate: Online Retail invoice lines (the schema `examples/online-retail` and its features read). */
export interface RetailOptions {
  /** Number of rows (invoice lines). */
  rows: number;
  /** Customers to draw `CustomerID` from: ids 12346 … 12345 + customers. Default 200,000. */
  customers?: number;
  /** Seed of the default random source. Default 42. */
  seed?: number;
  /** First instant of `InvoiceDate`. Default `2010-12-01`. */
  start?: string;
  /** Length of the `InvoiceDate` window in days. Default 374 (to 2011-12-10, like the UCI data). */
  days?: number;
  /** Share of invoices that are guest orders (`CustomerID` NULL). Default 0.25. */
  guestShare?: number;
  /** Share of invoices that are cancellations (`C` invoice number, negative quantities). Default 0.02. */
  cancellationShare?: number;
  /** The pseudo-random source; injected for tests. Default `hashRandom(seed)`. */
  random?: SqlRandom;
}

/**
 * Builds the DuckDB `SELECT` that generates Online Retail invoice lines at any size, with the columns and
 * types of `examples/online-retail/data/online_retail.parquet`: `InvoiceNo`, `StockCode`, `Description`
 * VARCHAR, `Quantity` INTEGER, `InvoiceDate` TIMESTAMP (minutes), `UnitPrice` DOUBLE, `CustomerID` INTEGER
 * (NULL on guest orders), `Country` VARCHAR. Every line of an invoice shares its customer, time and country,
 * and a customer always has the same country. Row i is the same whatever `rows` is (a small file is a prefix
 * of a large one) and DuckDB computes it in parallel, streaming to Parquet with bounded memory.
 */
export function retailSql(options: RetailOptions): string {
  const {
    rows,
    customers = 200_000,
    seed = 42,
    start = '2010-12-01',
    days = 374,
    guestShare = 0.25,
    cancellationShare = 0.02,
  } = options;
  assertWindow({ rows, customers, days, start });
  for (const [name, share] of Object.entries({ guestShare, cancellationShare }))
    if (!(share >= 0 && share <= 1)) throw new RangeError(`${name} must be in [0, 1], got ${share}`);
  const random = options.random ?? hashRandom(seed);
  // Per invoice (j), per line (i), and per customer (c) draws.
  const invoice = (stream: number) => random('j', stream);
  const line = (stream: number) => random('i', stream);
  const minutes = days * 1440;
  const countries = RETAIL_COUNTRIES.map((c) => `'${c}'`).join(', ');
  // 90 % of customers in the first country, the rest spread over the others.
  const country = `CASE WHEN ${random('c', 9)} < 0.9 THEN ${countries.split(', ')[0]} ELSE [${countries}][2 + least(floor(${random('c', 10)} * ${RETAIL_COUNTRIES.length - 1}), ${RETAIL_COUNTRIES.length - 2})::INTEGER] END`;
  const stock = `(10000 + least(floor(power(${line(4)}, 2) * 4000), 3999))::INTEGER`;
  return `SELECT
  CASE WHEN cancelled THEN 'C' ELSE '' END || (536365 + j)::VARCHAR AS InvoiceNo,
  stock::VARCHAR AS StockCode,
  'PRODUCT ' || stock::VARCHAR AS Description,
  (CASE WHEN cancelled THEN -1 ELSE 1 END * (1 + least(floor(exp(${line(5)} * 3.5)), 48)))::INTEGER AS Quantity,
  TIMESTAMP '${start}' + to_minutes(least(floor(${invoice(2)} * ${minutes}), ${minutes - 1})::BIGINT) AS InvoiceDate,
  round(0.19 + exp((stock % 97) / 97.0 * 4) - 1, 2)::DOUBLE AS UnitPrice,
  CASE WHEN guest THEN NULL ELSE (12346 + c)::INTEGER END AS CustomerID,
  ${country} AS Country
FROM (
  SELECT i, j, c, ${stock} AS stock,
    ${invoice(3)} < ${cancellationShare} AS cancelled,
    ${invoice(6)} < ${guestShare} AS guest
  FROM (
    SELECT i, j, least(floor(${invoice(1)} * ${customers}), ${customers - 1})::BIGINT AS c
    FROM (SELECT i, i // ${LINES_PER_INVOICE} AS j FROM range(${rows}) AS r(i))
  )
)`;
}
