import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendData, createTable, LocalObjectStore, openWarehouse, type Warehouse } from '@fti/feature-store';
import { FaultyObjectStore } from '@fti/feature-store/testing';
import { type ModelRegistry, openModelRegistry, registerModel, setAlias } from '@fti/model-registry';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { InvalidMonitoringConfigError } from './invalid-monitoring-config-error.js';
import { modelProfileKey } from './load-model-reference.js';
import { type MonitoringConfigInput, MonitoringConfigSchema } from './monitoring-config.js';
import { MonitoringInputError } from './monitoring-input-error.js';
import { parseMonitoringConfig } from './parse-monitoring-config.js';
import { runMonitoring } from './run-monitoring.js';

const DAY = 86_400_000;
const MARCH_1 = Date.UTC(2024, 2, 1);
const now = () => MARCH_1 + 2 * DAY;

/** Row i of the recorded training set: 400 train rows then 200 validation rows (deterministic values). */
function referenceRow(i: number) {
  return {
    amount: 20 + ((i * 7919) % 1000) / 100,
    orders: (i * 31) % 7,
    country: ['FR', 'DE', 'UK'][i % 3]!,
    buys: i % 4 === 0 ? 1 : 0,
    split: i < 400 ? 'train' : 'validation',
    score: ((i * 104_729) % 997) / 997,
  };
}
const ROWS = Array.from({ length: 600 }, (_, i) => referenceRow(i));

let dir: string;
let env: Warehouse;
let registryStore: FaultyObjectStore;
let registry: ModelRegistry;
const readsOfReference = () =>
  registryStore.calls.filter((c) => c.operation === 'get' && c.key.endsWith('/reference.parquet')).length;

/** The training pipeline's `reference.parquet` for {@link ROWS}, written by DuckDB like the pipeline does. */
async function referenceParquet(): Promise<Uint8Array> {
  const path = join(dir, 'reference.parquet');
  const values = ROWS.map(
    // Numbers as strings: DuckDB reads a bare literal as a DECIMAL, which would round the doubles.
    (r) => `('${r.amount}', ${r.orders}, '${r.country}', ${r.buys}, '${r.split}', '${r.score}')`,
  ).join(', ');
  await env.db.run(
    `COPY (SELECT amount::DOUBLE AS amount, orders::DOUBLE AS orders, country, buys::INTEGER AS buys, split, score::DOUBLE AS score
      FROM (VALUES ${values}) AS t(amount, orders, country, buys, split, score)) TO '${path}' (FORMAT parquet)`,
  );
  return new Uint8Array(readFileSync(path));
}

async function register(name: string, artifacts: { path: string; bytes: Uint8Array }[]) {
  return registerModel(registry, {
    name,
    artifacts: [
      { kind: 'bytes', path: 'model.json', bytes: new TextEncoder().encode('{}') },
      ...artifacts.map((a) => ({ kind: 'bytes' as const, ...a })),
    ],
    signature: {
      inputs: [
        { name: 'amount', type: 'float' },
        { name: 'orders', type: 'int' },
        { name: 'country', type: 'string' },
      ],
      outputs: [{ name: 'probability', type: 'float' }],
    },
    metrics: { roc_auc: 0.8 },
    lineage: { sources: [], features: [], spineHash: 'ab'.repeat(32), runId: 'run-1', backend: 'cpu' },
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fti-monitoring-model-'));
  env = await openWarehouse({
    location: { kind: 'local', path: join(dir, 'warehouse') },
    scratchDir: join(dir, 'scratch'),
    now,
  });
  registryStore = new FaultyObjectStore(new LocalObjectStore({ root: join(dir, 'registry') }));
  registry = openModelRegistry({ store: registryStore, now });
  const parquet = await referenceParquet();
  await register('buyers', [{ path: 'reference.parquet', bytes: parquet }]);
  await setAlias(registry, { name: 'buyers', alias: 'staging', version: 1 });
  await register('tampered', [{ path: 'reference.parquet', bytes: parquet }]);
  await register('legacy', []);

  // A prediction log: the model's inputs, score and bookkeeping columns. March 1 holds the training rows as
  // served by buyers@1 (plus another model's rows, filtered out); March 2 the same customers, shifted.
  const log = await createTable(env, {
    namespace: 'predictions',
    name: 'buyers_log',
    columns: [
      { name: 'customer_id', type: 'long', required: true },
      { name: 'amount', type: 'double' },
      { name: 'orders', type: 'long' },
      { name: 'country', type: 'string' },
      { name: 'score', type: 'double', required: true },
      { name: 'predicted_class', type: 'int', required: true },
      { name: 'feature_date', type: 'date', required: true },
      { name: 'scored_at', type: 'timestamptz', required: true },
      { name: 'model_name', type: 'string', required: true },
      { name: 'model_version', type: 'int', required: true },
      { name: 'run_id', type: 'string', required: true },
    ],
    partition: [{ column: 'feature_date', transform: 'day' }],
  });
  const served = (day: number, model: string, shift: (r: (typeof ROWS)[number]) => typeof r) =>
    ROWS.map((row, i) => {
      const r = shift(row);
      return {
        customer_id: BigInt(i),
        amount: r.amount,
        orders: BigInt(r.orders),
        country: r.country,
        score: r.score,
        predicted_class: r.score >= 0.5 ? 1 : 0,
        feature_date: new Date(MARCH_1 + day * DAY),
        scored_at: new Date(MARCH_1 + day * DAY + 3_600_000),
        model_name: model,
        model_version: 1,
        run_id: `score-${day}`,
      };
    });
  await appendData(log, {
    kind: 'rows',
    rows: [
      ...served(0, 'buyers', (r) => r),
      ...served(0, 'churn', (r) => ({ ...r, amount: r.amount * 10, score: 1 - r.score / 10 })),
      ...served(1, 'buyers', (r) => ({
        ...r,
        amount: r.amount + 4,
        score: Math.min(1, r.score * 0.5 + 0.4),
      })),
    ],
  });
});
afterAll(async () => {
  await env?.close();
  rmSync(dir, { recursive: true, force: true });
});

function config(extra: Partial<MonitoringConfigInput> = {}, day = 0): MonitoringConfigInput {
  const from = new Date(MARCH_1 + day * DAY).toISOString().slice(0, 10);
  const to = new Date(MARCH_1 + (day + 1) * DAY).toISOString().slice(0, 10);
  return {
    job: 'buyers-model',
    reference: { kind: 'model', model: 'buyers', alias: 'staging' },
    current: {
      kind: 'table',
      table: 'predictions.buyers_log',
      window: { column: 'feature_date', from, to },
      filter: { model_name: 'buyers', model_version: 1 },
    },
    outputs: { dir: join(dir, 'reports'), runsTable: false, storeReport: false },
    ...extra,
  };
}
const run = (input: MonitoringConfigInput, ctx: { registry?: ModelRegistry } = { registry }) =>
  runMonitoring(MonitoringConfigSchema.parse(input), { env, now, ...ctx });

describe('a model reference (the training set recorded in the registry) against a prediction log window', () => {
  test('profiles reference.parquet once and stores it by model, version and sha256; the same rows served do not drift', async () => {
    const { report } = await run(config());
    const stored = report.reference.model!;
    expect(stored).toMatchObject({
      model: 'buyers',
      version: 1,
      alias: 'staging',
      split: null,
      reused: false,
    });
    expect(stored.profileKey).toBe(
      modelProfileKey({ model: 'buyers', version: 1, sha256: stored.sha256, split: null }),
    );
    expect(stored.profileKey).toMatch(
      /^monitoring\/reference-profiles\/buyers\/v1\/[0-9a-f]{64}\/all\.json$/,
    );
    expect(readsOfReference()).toBe(1);
    expect(report.reference.rows).toBe(600);
    // Only buyers@1 rows of March 1: the other model's 600 rows are filtered out.
    expect(report.current.rows).toBe(600);
    expect(report.current.description).toMatch(/model_name = buyers, model_version = 1$/);
    // Inputs and score are monitored (not the label); identical samples: KS/chi-square p = 1.
    expect(report.drift.columns.map((c) => [c.column, c.method, c.drifted])).toEqual([
      ['amount', 'ks', false],
      ['orders', 'ks', false],
      ['country', 'chisquare', false],
      ['score', 'ks', false],
    ]);
    expect(report.drift.columns.map((c) => [c.statistic, c.pValue])).toEqual([
      [0, 1],
      [0, 1],
      [0, 1],
      [0, 1],
    ]);
    expect(report.drift.dataset).toMatchObject({
      evaluatedColumns: 4,
      driftedColumns: 0,
      datasetDrift: false,
    });
    // The log's keys, run id, dates... are not schema changes; `orders` (long) against a double is no retype.
    expect(report.quality.schema).toEqual({ added: [], removed: [], retyped: [], changed: false });
    // 600 served rows against a 600-row training set is not a volume question: never flagged.
    expect(report.quality.volume.flagged).toBe(false);
    expect(report.quality.issues).toEqual([]);
  });

  test('the next run of the same version reuses the stored profile: reference.parquet is not read again', async () => {
    const { report, files } = await run(config());
    expect(report.reference.model?.reused).toBe(true);
    expect(readFileSync(files.html, 'utf8')).toContain(
      '(600 rows, stored profile reused for buyers version 1)',
    );
    expect(report.reference.description).toMatch(
      /\(stored profile monitoring\/reference-profiles\/buyers\/v1\//,
    );
    expect(readsOfReference()).toBe(1);
    expect(report.drift.dataset.driftedColumns).toBe(0);
  });

  test('a shifted day drifts: amount and the prediction (score), dataset drift at 2 of 4 columns', async () => {
    const { report } = await run(config({}, 1));
    const drifted = Object.fromEntries(report.drift.columns.map((c) => [c.column, c.drifted]));
    expect(drifted).toEqual({ amount: true, orders: false, country: false, score: true });
    const score = report.drift.columns.find((c) => c.column === 'score')!;
    expect(score.method).toBe('ks');
    expect(score.pValue).toBeLessThan(1e-6);
    expect(report.drift.dataset).toMatchObject({ driftedColumns: 2, share: 0.5, datasetDrift: true });
    expect(readsOfReference()).toBe(1);
  });

  test('a window on scored_at selects the same served rows as one on feature_date', async () => {
    const input = config();
    const { report } = await run({
      ...input,
      current: {
        ...(input.current as { kind: 'table'; table: string }),
        window: { column: 'scored_at', from: '2024-03-01T00:00:00Z', to: '2024-03-01T12:00:00Z' },
      },
    });
    expect(report.current.rows).toBe(600);
    expect(report.drift.dataset.driftedColumns).toBe(0);
    // Freshness follows the window's column: scored 01:00 on March 1, the run is on March 3.
    expect(report.quality.freshness?.latest).toBe('2024-03-01T01:00:00.000Z');
  });

  test('a split of the recorded set is a reference of its own (its own stored profile)', async () => {
    const { report } = await run(
      config({ reference: { kind: 'model', model: 'buyers', version: 1, split: 'validation' } }),
    );
    expect(report.reference.rows).toBe(200);
    expect(report.reference.model).toMatchObject({ split: 'validation', alias: null, reused: false });
    expect(report.reference.model?.profileKey).toMatch(/\/validation\.json$/);
    await expect(
      run(config({ reference: { kind: 'model', model: 'buyers', version: 1, split: 'test' } })),
    ).rejects.toThrow(/has no `test` rows; choose reference.split among train, tuning, validation/);
  });

  test('a tampered reference artifact is refused with both checksums; nothing is profiled from it', async () => {
    const key = registry.keys.artifact('tampered', 1, 'reference.parquet');
    const bytes = await registryStore.get(key);
    const changed = Uint8Array.from(bytes);
    changed[100] = changed[100]! ^ 0xff;
    writeFileSync(join(dir, 'registry', key), changed);
    const error = await run(config({ reference: { kind: 'model', model: 'tampered', version: 1 } })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MonitoringInputError);
    expect((error as Error).message).toMatch(
      /reference: artifact `reference.parquet` of tampered@1 is not the registered file: sha256 [0-9a-f]{64} .* re-register the model/,
    );
    expect(await env.files.store.list('monitoring/reference-profiles/tampered/')).toEqual([]);
  });

  test('a missing model, alias or reference artifact, or no registry, is a clear error', async () => {
    const refuse = (reference: MonitoringConfigInput['reference'], ctx?: { registry?: ModelRegistry }) =>
      run(config({ reference }), ctx).then(
        () => new Error('expected a refusal'),
        (e: unknown) => e as Error,
      );
    const noAlias = await refuse({ kind: 'model', model: 'buyers', alias: 'production' });
    expect(noAlias).toBeInstanceOf(MonitoringInputError);
    expect(noAlias.message).toMatch(
      /reference model buyers alias `production`: .*production.* does not exist/,
    );
    expect((await refuse({ kind: 'model', model: 'sellers', version: 1 })).message).toMatch(
      /reference model sellers version 1: .*does not exist.*train and register the model first/,
    );
    expect((await refuse({ kind: 'model', model: 'legacy', version: 1 })).message).toBe(
      'legacy@1 has no recorded training set (`reference.parquet`); retrain it with the training pipeline, which registers one, or use a table reference',
    );
    expect((await refuse({ kind: 'model', model: 'buyers', version: 1 }, {})).message).toMatch(
      /needs the model registry; pass `registry`/,
    );
    const aggregated = await run(
      config({ aggregate: { timeColumn: 'feature_date', measures: { rows: 'count(*)' } } }),
    ).then(
      () => new Error('expected a refusal'),
      (e: unknown) => e as Error,
    );
    expect(aggregated.message).toMatch(/cannot be aggregated per day; remove `aggregate`/);
    expect(() =>
      parseMonitoringConfig(
        JSON.stringify(
          config({ reference: { kind: 'model', model: 'buyers', alias: 'staging', version: 1 } }),
        ),
      ),
    ).toThrow(InvalidMonitoringConfigError);
    expect(() =>
      parseMonitoringConfig(JSON.stringify(config({ reference: { kind: 'model', model: 'buyers' } }))),
    ).toThrow(/exactly one of `alias`/);
  });
});
