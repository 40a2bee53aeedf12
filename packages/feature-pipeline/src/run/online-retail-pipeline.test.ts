import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadTable, openWarehouse, queryTable, type Warehouse } from '@fti/feature-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtractSourceInput } from '../extract/source-config.js';
import type { FeaturePipelineConfigInput } from './feature-pipeline-config.js';
import { runFeaturePipeline } from './run-feature-pipeline.js';
import type { RunSummary } from './run-summary.js';

// The real UCI Online Retail invoice lines (examples/online-retail/data/README.md).
const PARQUET = resolve(import.meta.dirname, '../../../../examples/online-retail/data/online_retail.parquet');
const EXAMPLES = '@fti/feature-pipeline/examples/online-retail';
const DATES = ['2011-06-05', '2011-09-11'];
const HORIZON = 90;

const dirs: string[] = [];
const open = async (): Promise<Warehouse> => {
  const dir = await mkdtemp(join(tmpdir(), 'fti-retail-'));
  dirs.push(dir);
  return openWarehouse({
    location: { kind: 'local', path: dir },
    scratchDir: join(dir, '.scratch'),
    duckDb: { threads: 2 },
  });
};
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

const job = (
  source: ExtractSourceInput,
  dates: FeaturePipelineConfigInput['dates'],
): FeaturePipelineConfigInput => ({
  sources: [source],
  features: { module: EXAMPLES, export: 'onlineRetailFeatures' },
  labels: { module: EXAMPLES, export: 'onlineRetailLabels' },
  dates,
  runDate: '2012-01-01',
  validation: {
    policy: 'quarantine',
    input: { duplicateKey: 'all', allow: ['nullEntityKey'] },
    expectations: [{ kind: 'uniqueKey' }, { kind: 'range', column: 'days_since_last_purchase', min: 1 }],
  },
});
const sqlSource = (where: string, select = '*'): ExtractSourceInput => ({
  kind: 'sql',
  name: 'online_retail',
  sql: `SELECT ${select} FROM read_parquet('${PARQUET}') WHERE ${where}`,
});
const run = async (env: Warehouse, config: FeaturePipelineConfigInput): Promise<RunSummary> =>
  runFeaturePipeline(config, { warehouse: env, cacheDir: join(tmpdir(), 'fti-retail-cache') });
const stored = async (env: Warehouse, namespace: string, name: string, date: string) =>
  queryTable(
    await loadTable(env, { namespace, name }),
    (t) =>
      `SELECT * EXCLUDE (feature_date) FROM ${t} AS t WHERE feature_date = DATE '${date}' ORDER BY customer_id`,
  );

/**
 * Same rows, same values; doubles equal to 1e-9 relative (a parallel sum may round its last bit apart).
 * `revenue_momentum` divides by `revenue_365d`, which for customers whose returns cancel their purchases is
 * 0 or a residue like 1e-13 depending on summation order: it is compared only where that sum is not ~0.
 */
function expectClose(actual: Record<string, unknown>[], expected: Record<string, unknown>[]): void {
  expect(actual.length).toBe(expected.length);
  let compared = 0;
  actual.forEach((row, i) => {
    const other = expected[i] as Record<string, unknown>;
    expect(Object.keys(row)).toEqual(Object.keys(other));
    for (const [key, value] of Object.entries(row)) {
      const want = other[key];
      if (key === 'revenue_momentum' && Math.abs(Number(other.revenue_365d)) < 1e-6) continue;
      if (typeof value === 'number' && typeof want === 'number') {
        expect(Math.abs(value - want)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
        compared++;
      } else expect(value, `${key} of row ${i}`).toEqual(want);
    }
  });
  expect(compared).toBeGreaterThan(0);
}

let full: Warehouse;
let summary: RunSummary;
beforeAll(async () => {
  full = await open();
  summary = await run(
    full,
    job(
      { kind: 'parquet', name: 'online_retail', path: PARQUET },
      { from: DATES[0] as string, to: DATES[1] as string, everyDays: 98 },
    ),
  );
});
afterAll(() => full.close());

describe('the Online Retail job', () => {
  it('computes both dates in one run, quarantining the 5,268 duplicate lines and counting the guest orders', () => {
    expect(summary.featureDates).toEqual(DATES);
    expect(summary.rowsPerDate).toEqual({ '2011-06-05': 2791, '2011-09-11': 3412 });
    expect(summary.features.rows).toBe(2791 + 3412);
    expect(summary.labels?.rows).toBe(2791 + 3412);
    expect(
      summary.validation.input.filter((i) => i.count > 0).map((i) => [i.kind, i.count, i.action]),
    ).toEqual([
      ['nullEntityKey', 135_080, 'allowed'],
      ['duplicateEvent', 5_268, 'quarantined'],
    ]);
    expect(summary.quarantine?.rows).toBe(5_268);
  });

  for (const date of DATES) {
    it(`uses no event at or after ${date}: deleting them all leaves every stored feature of that date unchanged`, async () => {
      const env = await open();
      try {
        await run(env, job(sqlSource(`InvoiceDate < TIMESTAMP '${date}'`), { date }));
        const past = await stored(env, 'features', 'customer_features_v1', date);
        expect(past.length).toBe(summary.rowsPerDate[date]);
        expectClose(past, await stored(full, 'features', 'customer_features_v1', date));
      } finally {
        await env.close();
      }
    });

    it(`labels of ${date} look only forward, within ${HORIZON} days`, async () => {
      const env = await open();
      try {
        // Past lines keep their invoices (so the population is the same) but with 100× the quantity, and
        // everything from the end of the horizon on is deleted: the labels must not move.
        const end = new Date(Date.parse(`${date}T00:00:00Z`) + HORIZON * 86_400_000)
          .toISOString()
          .slice(0, 10);
        const select = `* REPLACE (CASE WHEN InvoiceDate < TIMESTAMP '${date}' THEN Quantity * 100 ELSE Quantity END AS Quantity)`;
        await run(env, job(sqlSource(`InvoiceDate < TIMESTAMP '${end}'`, select), { date }));
        const labels = await stored(env, 'labels', 'customer_labels_v1', date);
        expectClose(labels, await stored(full, 'labels', 'customer_labels_v1', date));
        expect(labels.filter((l) => l.purchases_next_90d === true).length).toBeGreaterThan(labels.length / 3);
      } finally {
        await env.close();
      }
    });
  }
});
