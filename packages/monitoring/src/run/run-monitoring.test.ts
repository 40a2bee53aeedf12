import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendData, createTable, openWarehouse, type Warehouse } from '@fti/feature-store';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MonitoringReportSchema } from '../report/monitoring-report.js';
import { startHttpRecorder } from '../testing/start-http-recorder.js';
import { InvalidMonitoringConfigError } from './invalid-monitoring-config-error.js';
import { type MonitoringConfigInput, MonitoringConfigSchema } from './monitoring-config.js';
import { MonitoringInputError } from './monitoring-input-error.js';
import { parseMonitoringConfig } from './parse-monitoring-config.js';
import { runMonitoring } from './run-monitoring.js';

/** Seeded uniform [0, 1) (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1);

/** 300 January rows and 300 February rows; February's amount is shifted up and has a new country. */
function customerRows(): Record<string, unknown>[] {
  const rand = random(7);
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < 600; i++) {
    const february = i >= 300;
    rows.push({
      customer_id: BigInt(i % 300),
      as_of: new Date(START + (february ? 31 : 0) * DAY + (i % 29) * DAY),
      amount: 20 + rand() * 10 + (february ? 8 : 0),
      country: february && i % 10 === 0 ? 'ES' : ['FR', 'DE', 'UK'][i % 3],
      constant: 1,
      empty: null,
    });
  }
  return rows;
}

let dir: string;
let env: Warehouse;
const now = () => Date.UTC(2024, 2, 1, 6);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fti-monitoring-run-'));
  env = await openWarehouse({
    location: { kind: 'local', path: join(dir, 'warehouse') },
    scratchDir: join(dir, 'scratch'),
    now,
  });
  const customers = await createTable(env, {
    namespace: 'features',
    name: 'customers',
    columns: [
      { name: 'customer_id', type: 'long', required: true },
      { name: 'as_of', type: 'timestamp', required: true },
      { name: 'amount', type: 'double' },
      { name: 'country', type: 'string' },
      { name: 'constant', type: 'double' },
      { name: 'empty', type: 'double' },
    ],
    partition: [{ column: 'as_of', transform: 'month' }],
  });
  await appendData(customers, { kind: 'rows', rows: customerRows() });
  // The same features after a schema change: `amount` became a string, `constant` was dropped, `channel` added.
  const v2 = await createTable(env, {
    namespace: 'features',
    name: 'customers_v2',
    columns: [
      { name: 'customer_id', type: 'long', required: true },
      { name: 'as_of', type: 'timestamp', required: true },
      { name: 'amount', type: 'string' },
      { name: 'country', type: 'string' },
      { name: 'empty', type: 'double' },
      { name: 'channel', type: 'string' },
    ],
  });
  await appendData(v2, {
    kind: 'rows',
    rows: [0, 1, 2].map((i) => ({
      customer_id: BigInt(i),
      as_of: new Date(START + 40 * DAY),
      amount: `${i}`,
      country: 'FR',
      channel: 'web',
    })),
  });
});
afterAll(async () => {
  await env?.close();
  rmSync(dir, { recursive: true, force: true });
});

const window = (from: string, to: string) => ({ column: 'as_of', from, to });
function baseConfig(extra: Partial<MonitoringConfigInput> = {}): MonitoringConfigInput {
  return {
    job: 'customers',
    reference: { kind: 'table', table: 'features.customers', window: window('2024-01-01', '2024-02-01') },
    current: { kind: 'table', table: 'features.customers', window: window('2024-02-01', '2024-03-01') },
    columns: ['amount', 'country', 'constant', 'empty'],
    outputs: { dir: join(dir, 'reports'), runsTable: false },
    ...extra,
  };
}

describe('runMonitoring on a feature table', () => {
  test('drift, quality, no NaN for constant and all-null columns, Prometheus textfile and Pushgateway, webhook down', async () => {
    const gateway = await startHttpRecorder();
    const webhook = await startHttpRecorder(() => 503);
    const textfile = join(dir, 'fti.prom');
    try {
      const { report, exitCode, files } = await runMonitoring(
        MonitoringConfigSchema.parse(
          baseConfig({
            job: 'customers-outputs',
            outputs: {
              dir: join(dir, 'reports'),
              runsTable: false,
              prometheus: { textfile, pushgateway: { url: gateway.url } },
            },
            alerts: { webhook: `${webhook.url}/hook`, retry: { attempts: 3, initialDelayMs: 5 } },
          }),
        ),
        { env, sleep: async () => {} },
      );
      const col = Object.fromEntries(report.drift.columns.map((c) => [c.column, c]));
      expect(col.amount).toMatchObject({ method: 'ks', drifted: true, status: 'ok' });
      expect(col.amount?.pValue).toBeLessThan(1e-10);
      expect(col.constant).toMatchObject({ status: 'constant', drifted: false });
      expect(col.empty).toMatchObject({ status: 'empty-reference', score: null, drifted: false });
      expect(report.drift.dataset).toMatchObject({ evaluatedColumns: 3, skippedColumns: ['empty'] });
      expect(JSON.stringify(report)).not.toMatch(/NaN|Infinity/);
      expect(report.quality.columns.find((c) => c.column === 'country')).toMatchObject({
        unseenCategories: ['ES'],
        unseenShare: 0.1,
      });
      expect(report.quality.columns.find((c) => c.column === 'empty')?.missingShare).toBe(1);
      expect(report.quality.freshness).toMatchObject({
        latest: '2024-02-29T00:00:00.000Z',
        ageHours: 30,
        stale: false,
      });
      expect(exitCode).toBe(0);

      const prom = readFileSync(textfile, 'utf8');
      expect(prom).toContain('# TYPE fti_drift_score gauge');
      expect(prom).toMatch(/^fti_drift_detected\{job="customers-outputs",feature="amount"\} 1$/m);
      expect(prom).toMatch(/^fti_dataset_drift_share\{job="customers-outputs"\} 0\.6666666666666666$/m);
      expect(prom).not.toMatch(/feature="empty",method/); // a null score is not exported
      for (const line of prom.trim().split('\n'))
        expect(line).toMatch(/^(# (HELP|TYPE) \w+ .+|\w+(\{[^}]*\})? -?[\d.e+-]+)$/);

      expect(gateway.requests.map((r) => [r.method, r.url])).toEqual([
        ['PUT', '/metrics/job/customers-outputs'],
      ]);
      expect(gateway.requests[0]?.body).toMatch(/^fti_dataset_drift_share 0\.6666666666666666$/m); // job comes from the URL
      expect(report.deliveries.find((d) => d.target.startsWith('webhook'))).toMatchObject({
        status: 'failed',
        attempts: 3,
      });
      expect(webhook.requests).toHaveLength(3);
      expect(
        report.warnings.some((w) =>
          /delivery to webhook .* failed: gave up after 3 attempts: HTTP 503/.test(w),
        ),
      ).toBe(true);
      const written = MonitoringReportSchema.parse(JSON.parse(readFileSync(files.json, 'utf8')));
      expect(written.deliveries).toEqual(report.deliveries);
    } finally {
      await gateway.close();
      await webhook.close();
    }
  });

  test('an empty current window is reported, not thrown: scores null, volume flagged, freshness stale', async () => {
    const { report } = await runMonitoring(
      MonitoringConfigSchema.parse(
        baseConfig({
          current: { kind: 'table', table: 'features.customers', window: window('2024-06-01', '2024-07-01') },
        }),
      ),
      { env },
    );
    expect(report.current.rows).toBe(0);
    expect(report.drift.columns.every((c) => c.score === null && !c.drifted)).toBe(true);
    expect(report.drift.dataset).toMatchObject({ evaluatedColumns: 0, datasetDrift: false });
    expect(report.quality.volume).toMatchObject({ ratio: 0, flagged: true });
    expect(report.quality.freshness).toMatchObject({ latest: null, stale: true });
    expect(report.warnings[0]).toMatch(/has no rows: drift is not scored/);
  });

  test('a schema that differs: added, removed and retyped columns are reported and skipped, not thrown', async () => {
    const { report } = await runMonitoring(
      MonitoringConfigSchema.parse(
        baseConfig({ columns: undefined, current: { kind: 'table', table: 'features.customers_v2' } }),
      ),
      { env },
    );
    expect(report.quality.schema).toEqual({
      added: ['channel'],
      removed: ['constant'],
      retyped: [{ column: 'amount', reference: 'double', current: 'string' }],
      changed: true,
    });
    expect(report.drift.columns.map((c) => c.column)).toEqual(['customer_id', 'country', 'empty']);
    expect(report.warnings).toContain(
      'column `amount` is numeric in the reference but not in the current data; not scored',
    );
    expect(report.warnings).toContain('column `constant` is missing from the current data; not scored');
  });

  test('a stored reference profile gives the same scores without reading the reference again', async () => {
    const key = 'monitoring/profiles/customers-jan.json';
    const first = await runMonitoring(
      MonitoringConfigSchema.parse(
        baseConfig({ outputs: { dir: join(dir, 'r'), runsTable: false, saveReferenceProfile: key } }),
      ),
      { env },
    );
    const second = await runMonitoring(
      MonitoringConfigSchema.parse(baseConfig({ reference: { kind: 'profile', key } })),
      { env },
    );
    expect(second.report.drift).toEqual(first.report.drift);
    expect(second.report.reference.rows).toBe(300);
    await expect(
      runMonitoring(
        MonitoringConfigSchema.parse(baseConfig({ reference: { kind: 'profile', key: 'nope.json' } })),
        { env },
      ),
    ).rejects.toThrow(/no stored reference profile at `nope.json`/);
  });

  test('a missing table or column is a MonitoringInputError that says what to fix', async () => {
    const missing = runMonitoring(
      MonitoringConfigSchema.parse(baseConfig({ current: { kind: 'table', table: 'features.nope' } })),
      { env },
    );
    await expect(missing).rejects.toBeInstanceOf(MonitoringInputError);
    await expect(missing).rejects.toThrow('table `features.nope` does not exist in the warehouse');
    await expect(
      runMonitoring(MonitoringConfigSchema.parse(baseConfig({ columns: ['amount', 'nope'] })), { env }),
    ).rejects.toThrow(/column `nope` is not a column of `features.customers`/);
  });
});

describe('performance and fairness from prediction logs and labels', () => {
  beforeAll(async () => {
    const predictions = await createTable(env, {
      namespace: 'inference',
      name: 'predictions',
      columns: [
        { name: 'customer_id', type: 'long', required: true },
        { name: 'predicted_at', type: 'timestamp', required: true },
        { name: 'score', type: 'double', required: true },
        { name: 'segment', type: 'string' },
      ],
    });
    const labels = await createTable(env, {
      namespace: 'inference',
      name: 'labels',
      columns: [
        { name: 'customer_id', type: 'long', required: true },
        { name: 'predicted_at', type: 'timestamp', required: true },
        { name: 'churned', type: 'int', required: true },
      ],
    });
    // The golden vector of performance.test.ts, segment a = first 6 rows, b = last 6; plus 2 unlabelled rows.
    const y = [0, 1, 1, 0, 1, 0, 1, 1, 0, 0, 1, 0];
    const p = [0.1, 0.9, 0.65, 0.4, 0.3, 0.55, 0.8, 0.65, 0.2, 0.65, 0.99, 0.0];
    const at = (i: number) => new Date(START + i * 3_600_000);
    await appendData(predictions, {
      kind: 'rows',
      rows: [...p, 0.5, 0.5].map((score, i) => ({
        customer_id: BigInt(i),
        predicted_at: at(i),
        score,
        segment: i < 6 ? 'a' : 'b',
      })),
    });
    await appendData(labels, {
      kind: 'rows',
      rows: y.map((churned, i) => ({
        customer_id: BigInt(i),
        predicted_at: at(i),
        churned: BigInt(churned),
      })),
    });
  });

  test('metrics equal sklearn on the joined rows; a drop against the registered AUC fires retraining', async () => {
    const { report, exitCode } = await runMonitoring(
      MonitoringConfigSchema.parse(
        baseConfig({
          job: 'churn',
          performance: {
            task: 'binary',
            predictions: {
              table: 'inference.predictions',
              keyColumn: 'customer_id',
              timeColumn: 'predicted_at',
              scoreColumn: 'score',
              segmentColumn: 'segment',
            },
            labels: {
              table: 'inference.labels',
              keyColumn: 'customer_id',
              timeColumn: 'predicted_at',
              labelColumn: 'churned',
            },
            baseline: { rocAuc: 0.95, accuracy: 0.76 },
          },
          retrain: { onMetricDegradation: true, maxModelAgeDays: 365, modelTrainedAt: '2024-01-15' },
        }),
      ),
      { env },
    );
    const perf = report.performance!;
    expect(perf.labelledRows).toBe(12);
    expect(perf.unlabelledRows).toBe(2);
    expect(perf.metrics.rocAuc).toBeCloseTo(0.888888888888889, 14);
    expect(perf.metrics.logLoss).toBeCloseTo(0.4243127125659048, 14);
    expect(perf.comparisons.map((c) => [c.metric, c.degraded])).toEqual([
      ['rocAuc', true],
      ['accuracy', false],
    ]);
    expect(report.retrain).toMatchObject({
      fire: true,
      exitCode: 3,
      reasons: ['metrics degraded: rocAuc (policy onMetricDegradation)'],
    });
    expect(exitCode).toBe(3);
    // segment a: labels 0 1 1 0 1 0, decisions 0 1 1 0 0 1; b: labels 1 1 0 0 1 0, decisions 1 1 0 1 1 0
    const fairness = report.fairness!;
    expect(
      fairness.groups.map((g) => [g.group, g.selectionRate, g.truePositiveRate, g.falsePositiveRate]),
    ).toEqual([
      ['a', 0.5, 2 / 3, 1 / 3],
      ['b', 4 / 6, 1, 1 / 3],
    ]);
    expect(fairness.demographicParityDifference).toBeCloseTo(1 / 6, 15);
    expect(fairness.equalizedOddsDifference).toBeCloseTo(1 / 3, 15);
    expect(fairness.disparateImpactRatio).toBeCloseTo(0.75, 15);
    expect(fairness.fourFifthsRulePassed).toBe(false);
  });
});

describe('parseMonitoringConfig', () => {
  test('YAML and JSON give the same validated config with defaults', () => {
    const yaml = `job: retail\nreference: { kind: profile, key: p.json }\ncurrent:\n  kind: table\n  table: retail.transactions\n`;
    const config = parseMonitoringConfig(yaml);
    expect(config).toEqual(
      parseMonitoringConfig(
        JSON.stringify({
          job: 'retail',
          reference: { kind: 'profile', key: 'p.json' },
          current: { kind: 'table', table: 'retail.transactions' },
        }),
      ),
    );
    expect(config.thresholds.driftShare).toBe(0.5);
    expect(config.outputs).toEqual({ dir: '.fti/monitoring', storeReport: true, runsTable: true });
  });
  test('names every field at fault', () => {
    const bad = () =>
      parseMonitoringConfig(
        'job: retail\nreference: { kind: table, table: transactions }\ncurrent: { kind: table }\n',
        'monitoring.yaml',
      );
    expect(bad).toThrow(InvalidMonitoringConfigError);
    expect(bad).toThrow(/monitoring\.yaml is not a valid monitoring configuration/);
    expect(bad).toThrow(/reference\.table/);
    expect(bad).toThrow(/current\.table/);
  });
});

describe('HTML report', () => {
  test('self-contained, and renders to a readable PNG in headless Chromium when available', async () => {
    const { files } = await runMonitoring(
      MonitoringConfigSchema.parse(
        baseConfig({ job: 'customers-html', outputs: { dir: join(dir, 'html') } }),
      ),
      { env },
    );
    const html = readFileSync(files.html, 'utf8');
    expect(html).not.toMatch(/<script|<link|@import|url\(|(src|href)=/i);
    expect(html.match(/<svg /g)?.length).toBeGreaterThanOrEqual(3 + 3); // 3 scored distributions + 3 trend charts
    const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
    if (!chromium) {
      console.log('skipping the PNG rendering: Debian `chromium` is not installed');
      return;
    }
    const png = join(process.env.FTI_KEEP_REPORT_PNG ?? dir, 'report.png');
    const run = spawnSync(
      chromium,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        `--screenshot=${png}`,
        '--window-size=1280,2400',
        `file://${files.html}`,
      ],
      {
        timeout: 60_000,
      },
    );
    expect(run.status, run.stderr?.toString()).toBe(0);
    const bytes = readFileSync(png);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.readUInt32BE(16)).toBe(1280); // IHDR width
  });
});
