import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { appendData, createTable, openWarehouse, type Warehouse } from '@fti/feature-store';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type MonitoringConfigInput, MonitoringConfigSchema } from '../src/run/monitoring-config.js';
import { runMonitoring } from '../src/run/run-monitoring.js';

// The real Online Retail data (UCI, CC BY 4.0), loaded into retail.transactions as apps/loop does.
const PARQUET = resolve(import.meta.dirname, '../../../examples/online-retail/data/online_retail.parquet');
const available = existsSync(PARQUET);
if (!available) console.log(`skipping the Online Retail monitoring test: ${PARQUET} is missing`);

const DAILY = {
  timeColumn: 'invoice_date',
  measures: {
    lines: 'count(*)',
    invoices: 'count(DISTINCT invoice_no)',
    customers: 'count(DISTINCT customer_id)',
    revenue: 'sum(quantity * unit_price)',
  },
};

function month(m: string): { from: string; to: string } {
  const start = new Date(`${m}-01T00:00:00Z`);
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  return { from: start.toISOString().slice(0, 10), to: end.toISOString().slice(0, 10) };
}

describe.skipIf(!available)('Online Retail: month by month over retail.transactions', () => {
  let dir: string;
  let env: Warehouse;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fti-monitoring-retail-'));
    env = await openWarehouse({
      location: { kind: 'local', path: join(dir, 'warehouse') },
      scratchDir: join(dir, 'scratch'),
    });
    const table = await createTable(env, {
      namespace: 'retail',
      name: 'transactions',
      columns: [
        { name: 'invoice_no', type: 'string', required: true },
        { name: 'stock_code', type: 'string', required: true },
        { name: 'quantity', type: 'int', required: true },
        { name: 'invoice_date', type: 'timestamp', required: true },
        { name: 'unit_price', type: 'double', required: true },
        { name: 'customer_id', type: 'long' },
        { name: 'country', type: 'string', required: true },
      ],
      partition: [{ column: 'invoice_date', transform: 'month' }],
    });
    await appendData(table, {
      kind: 'sql',
      sql: `SELECT InvoiceNo AS invoice_no, StockCode AS stock_code, Quantity AS quantity, InvoiceDate AS invoice_date,
              UnitPrice AS unit_price, CAST(CustomerID AS BIGINT) AS customer_id, Country AS country
            FROM read_parquet('${PARQUET.replaceAll("'", "''")}')`,
    });
  });
  afterAll(async () => {
    await env?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const config = (reference: string, current: string, extra: Partial<MonitoringConfigInput> = {}) =>
    MonitoringConfigSchema.parse({
      job: 'retail-daily',
      reference: {
        kind: 'table',
        table: 'retail.transactions',
        window: { column: 'invoice_date', ...month(reference) },
      },
      current: {
        kind: 'table',
        table: 'retail.transactions',
        window: { column: 'invoice_date', ...month(current) },
      },
      aggregate: DAILY,
      outputs: { dir: join(dir, 'reports') },
      retrain: { maxDriftShare: 0.5 },
      ...extra,
    } satisfies MonitoringConfigInput);

  test('September → November 2011: volume nearly doubles, daily volume features drift, retraining fires', async () => {
    const { report, exitCode, files } = await runMonitoring(config('2011-09', '2011-11'), {
      env,
      now: () => Date.parse('2011-12-01T00:00:00Z'),
    });
    expect(report.reference.rows).toBe(50_226);
    expect(report.current.rows).toBe(84_711);
    expect(report.quality.volume.ratio).toBeCloseTo(84_711 / 50_226, 12); // both months have 30 days
    expect(report.quality.volume.flagged).toBe(true);
    const byColumn = Object.fromEntries(report.drift.columns.map((c) => [c.column, c]));
    // 26 trading days each side: KS (≤ 1000 reference rows, > 5 unique values)
    expect(byColumn.lines?.method).toBe('ks');
    expect(byColumn.lines?.drifted).toBe(true);
    expect(byColumn.lines?.pValue).toBeLessThan(1e-6);
    expect(byColumn.invoices?.drifted).toBe(true);
    expect(report.drift.dataset.datasetDrift).toBe(true);
    expect(report.retrain.fire).toBe(true);
    expect(exitCode).toBe(3);
    expect(report.retrain.eventKey).toMatch(
      /^events\/retrain\/20111201T000000Z-retail-daily-20111201T000000Z\.json$/,
    );
    const event = JSON.parse(new TextDecoder().decode(await env.files.store.get(report.retrain.eventKey!)));
    expect(event).toMatchObject({
      kind: 'fti.retrain',
      job: 'retail-daily',
      reasons: [expect.stringMatching(/^drift share 1\.00/)],
    });
    expect(report.quality.freshness).toMatchObject({ latest: '2011-11-30T17:42:00.000Z', stale: false });
    const html = await readFile(files.html, 'utf8');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  test('sliding month by month with the previous month as reference: the autumn shift is flagged, early summer is quiet', async () => {
    const months = ['2011-05', '2011-06', '2011-07', '2011-08', '2011-09', '2011-10', '2011-11'];
    let trend: string[] = [];
    const rows: {
      month: string;
      ratio: number | null;
      volume: boolean;
      driftShare: number;
      lines: number | null;
    }[] = [];
    for (let i = 1; i < months.length; i++) {
      const { report } = await runMonitoring(config(months[i - 1]!, months[i]!, { job: 'retail-sliding' }), {
        env,
        now: () => Date.parse(`${month(months[i]!).to}T06:00:00Z`),
      });
      const lines = report.drift.columns.find((c) => c.column === 'lines');
      trend = report.trend.map((r) => `${r.runAt.slice(0, 7)}:${r.datasetDriftShare}`);
      rows.push({
        month: months[i]!,
        ratio: report.quality.volume.ratio,
        volume: report.quality.volume.flagged,
        driftShare: report.drift.dataset.share,
        lines: lines?.pValue ?? null,
      });
    }
    console.table(rows);
    const flagged = rows.filter((r) => r.driftShare >= 0.5).map((r) => r.month);
    // Autumn: September (1.47× August per day), October and November (1.44× October) drift; June-August do not.
    expect(flagged).toEqual(['2011-09', '2011-10', '2011-11']);
    expect(rows.find((r) => r.month === '2011-11')?.lines).toBeLessThan(0.001);
    // Every run was appended to monitoring.runs and read back as the trend of the next.
    expect(trend).toEqual(['2011-07:0', '2011-08:0', '2011-09:0', '2011-10:1', '2011-11:0.5', '2011-12:1']);
  });
});
