import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  addColumns,
  appendData,
  createTable,
  LocalObjectStore,
  loadTable,
  openWarehouse,
  type Warehouse,
} from '@fti/feature-store';
import { type ModelRegistry, openModelRegistry, registerModel } from '@fti/model-registry';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { monitorModel } from './monitor-model.js';

const configPath = join(import.meta.dirname, '../../../examples/online-retail/model-monitoring-job.yaml');
const LOG = { namespace: 'predictions', name: 'customer_buys_90d_log' };
const rows = Array.from({ length: 300 }, (_, i) => ({
  revenue_90d: 10 + ((i * 37) % 100),
  country: ['United Kingdom', 'France', 'Germany'][i % 3]!,
  score: ((i * 53) % 101) / 101,
}));

let dir: string;
let env: Warehouse;
let registry: ModelRegistry;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fti-loop-monitor-model-'));
  const now = () => Date.UTC(2011, 10, 28);
  env = await openWarehouse({ location: { kind: 'local', path: join(dir, 'warehouse') }, now });
  registry = openModelRegistry({ store: new LocalObjectStore({ root: join(dir, 'registry') }), now });
  const parquet = join(dir, 'reference.parquet');
  const values = rows.map((r, i) => `(${r.revenue_90d}, '${r.country}', ${i % 2}, 'train', '${r.score}')`);
  await env.db.run(
    `COPY (SELECT revenue_90d::DOUBLE AS revenue_90d, country, buys::INTEGER AS buys, split, score::DOUBLE AS score
      FROM (VALUES ${values.join(', ')}) AS t(revenue_90d, country, buys, split, score)) TO '${parquet}' (FORMAT parquet)`,
  );
  await registerModel(registry, {
    name: 'customer-buys-90d',
    artifacts: [
      { kind: 'bytes', path: 'model.json', bytes: new TextEncoder().encode('{}') },
      { kind: 'bytes', path: 'reference.parquet', bytes: new Uint8Array(readFileSync(parquet)) },
    ],
    signature: {
      inputs: [
        { name: 'revenue_90d', type: 'float' },
        { name: 'country', type: 'string' },
      ],
      outputs: [{ name: 'probability', type: 'float' }],
    },
    metrics: { roc_auc: 0.74 },
    lineage: { sources: [], features: [], spineHash: 'cd'.repeat(32), runId: 'train-1', backend: 'cpu' },
  });
  // A prediction log as batch scoring wrote it before it logged the model's inputs: keys, score, bookkeeping.
  const log = await createTable(env, {
    ...LOG,
    columns: [
      { name: 'customer_id', type: 'int', required: true },
      { name: 'feature_date', type: 'date', required: true },
      { name: 'score', type: 'double', required: true },
      { name: 'model_name', type: 'string', required: true },
      { name: 'model_version', type: 'int', required: true },
      { name: 'run_id', type: 'string', required: true },
    ],
  });
  await appendData(log, {
    kind: 'rows',
    rows: rows.map((r, i) => ({
      customer_id: i,
      feature_date: new Date(Date.UTC(2011, 10, 27)),
      score: r.score,
      model_name: 'customer-buys-90d',
      model_version: 1,
      run_id: 'score-1',
    })),
  });
});
afterAll(async () => {
  await env?.close();
  rmSync(dir, { recursive: true, force: true });
});

const monitor = (scoringRunId: string, lines: string[] = []) =>
  monitorModel({
    env,
    registry,
    configPath,
    model: { name: 'customer-buys-90d', version: 1 },
    featureDate: '2011-11-27',
    scoringRunId,
    outputsDir: join(dir, 'monitoring'),
    log: (line) => lines.push(line),
  });

describe('monitorModel (the loop step after scoring)', () => {
  test('a log without the model inputs: score only, said so, and the served scores match the training set', async () => {
    const lines: string[] = [];
    const summary = await monitor('score-1', lines);
    expect(lines).toEqual([
      '    the prediction log has no input feature columns yet (2 of 2 missing): monitoring `score` only',
    ]);
    expect(summary).toMatchObject({
      monitored: 'score only',
      reference: { rows: 300, profile: 'built' },
      currentRows: 300,
      evaluatedColumns: 1,
      driftedColumns: 0,
      datasetDrift: false,
      score: { method: 'ks', value: 1, drifted: false },
      qualityIssues: 0,
      retrain: false,
    });
  });

  test('a version registered before training recorded its training set is skipped, saying why', async () => {
    await registerModel(registry, {
      name: 'customer-buys-90d',
      artifacts: [{ kind: 'bytes', path: 'model.json', bytes: new TextEncoder().encode('{}') }],
      signature: {
        inputs: [{ name: 'revenue_90d', type: 'float' }],
        outputs: [{ name: 'p', type: 'float' }],
      },
      metrics: { roc_auc: 0.7 },
      lineage: { sources: [], features: [], spineHash: 'ef'.repeat(32), runId: 'train-0', backend: 'cpu' },
    });
    const lines: string[] = [];
    const skipped = await monitorModel({
      env,
      registry,
      configPath,
      model: { name: 'customer-buys-90d', version: 2 },
      featureDate: '2011-11-27',
      scoringRunId: 'score-1',
      outputsDir: join(dir, 'monitoring'),
      log: (line) => lines.push(line),
    });
    expect(skipped).toBeNull();
    expect(lines).toEqual([
      '    skipped: customer-buys-90d@2 was registered without its training set (reference.parquet); model monitoring starts once a retrained version holds staging',
    ]);
  });

  test('once the log holds the inputs: inputs and score, from the stored profile, only this scoring run', async () => {
    await addColumns(await loadTable(env, LOG), [
      { name: 'revenue_90d', type: 'double' },
      { name: 'country', type: 'string' },
    ]);
    await appendData(await loadTable(env, LOG), {
      kind: 'rows',
      rows: rows.map((r, i) => ({
        customer_id: i,
        feature_date: new Date(Date.UTC(2011, 10, 27)),
        // Served revenue doubled: the inputs drift, the scores do not.
        revenue_90d: r.revenue_90d * 2,
        country: r.country,
        score: r.score,
        model_name: 'customer-buys-90d',
        model_version: 1,
        run_id: 'score-2',
      })),
    });
    const summary = await monitor('score-2');
    expect(summary).toMatchObject({
      monitored: 'inputs and score',
      reference: { profile: 'reused' },
      currentRows: 300,
      evaluatedColumns: 3,
      driftedColumns: 1,
      score: { drifted: false },
    });
  });
});
