import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appendData,
  createTable,
  listSnapshots,
  loadTable,
  openWarehouse,
  readTable,
  type Warehouse,
} from '@fti/feature-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expr } from '../definition/expr.js';
import type { FeatureSetDefinitionInput } from '../definition/feature-set-definition.js';
import { DefinitionVersionConflictError } from '../errors.js';
import { ValidationFailedError } from '../validate/validation-failed-error.js';
import type { FeaturePipelineConfigInput } from './feature-pipeline-config.js';
import type { PipelineProgress } from './run-context.js';
import { runFeaturePipeline } from './run-feature-pipeline.js';

const source = {
  entityKey: 'customer',
  eventTime: 'ts',
  columns: { customer: 'int', ts: 'timestamp', invoice: 'string', amount: 'double' },
} as const;
const features: FeatureSetDefinitionInput = {
  name: 'spend',
  version: 1,
  source,
  entity: { name: 'customer_id', activeWithinDays: 30 },
  features: [
    { kind: 'aggregate', name: 'lines_7d', fn: 'count', windowDays: 7 },
    { kind: 'aggregate', name: 'amount_30d', fn: 'sum', of: expr.col('amount'), windowDays: 30 },
    { kind: 'recency', name: 'days_since_last', windowDays: 30 },
  ],
};
const labels = {
  name: 'spend_labels',
  version: 1,
  source,
  entity: { name: 'customer_id', activeWithinDays: 30 },
  labels: [{ kind: 'exists', name: 'buys_next_7d', horizonDays: 7 }],
};

// Events of the raw table: customer 3 spends far more than anyone (and fails the range expectation).
const EVENTS = `SELECT * FROM (VALUES
  (1, TIMESTAMP '2024-03-01 10:00:00', 'A1', 10.0),
  (1, TIMESTAMP '2024-03-08 10:00:00', 'A2', 20.0),
  (1, TIMESTAMP '2024-03-12 10:00:00', 'A3', 5.0),
  (2, TIMESTAMP '2024-03-03 23:59:00', 'B1', 7.0),
  (3, TIMESTAMP '2024-03-09 08:00:00', 'C1', 5000.0),
  (NULL, TIMESTAMP '2024-03-09 12:00:00', 'G1', 9.0)
) AS t(customer, ts, invoice, amount)`;

let dir: string;
let env: Warehouse;
let runs = 0;
const progress: PipelineProgress[] = [];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fti-run-'));
  env = await openWarehouse({
    location: { kind: 'local', path: join(dir, 'warehouse') },
    scratchDir: join(dir, 'scratch'),
    duckDb: { threads: 2 },
  });
  const raw = await createTable(env, {
    namespace: 'raw',
    name: 'events',
    columns: [
      { name: 'customer', type: 'int' },
      { name: 'ts', type: 'timestamp' },
      { name: 'invoice', type: 'string' },
      { name: 'amount', type: 'double' },
    ],
  });
  await appendData(raw, { kind: 'sql', sql: EVENTS });
});
afterAll(async () => {
  await env.close();
  await rm(dir, { recursive: true, force: true });
});

const config = (overrides: Partial<FeaturePipelineConfigInput> = {}): FeaturePipelineConfigInput => ({
  sources: [{ kind: 'table', name: 'events', namespace: 'raw', table: 'events' }],
  features: { definition: features as Record<string, unknown> },
  labels: { definition: labels },
  dates: { from: '2024-03-04', to: '2024-03-11', everyDays: 7 },
  runDate: '2024-03-20',
  validation: {
    policy: 'quarantine',
    input: { allow: ['nullEntityKey'] },
    expectations: [
      { kind: 'range', column: 'amount_30d', min: 0, max: 1000 },
      { kind: 'notNull', column: 'days_since_last' },
    ],
  },
  ...overrides,
});
const run = (c: FeaturePipelineConfigInput) =>
  runFeaturePipeline(c, {
    warehouse: env,
    cacheDir: join(dir, 'cache'),
    now: () => Date.UTC(2024, 2, 20, 6),
    randomId: () => `run-${++runs}`,
    onProgress: (p) => progress.push(p),
  });
const rowsOf = async (namespace: string, name: string) =>
  (await readTable(await loadTable(env, { namespace, name }))).toArray().map((r) => r.toJSON());

describe('runFeaturePipeline', () => {
  it('loads valid rows of every date in one commit, quarantines the failing ones, stamps lineage', async () => {
    const summary = await run(config());
    expect(summary.featureDates).toEqual(['2024-03-04', '2024-03-11']);
    expect(summary.rowsPerDate).toEqual({ '2024-03-04': 2, '2024-03-11': 2 });
    expect(summary.validation.rows).toMatchObject({ input: 6, computed: 5, valid: 4, quarantined: 1 });
    const rows = (await rowsOf('features', 'spend_v1')).map((r) => ({
      ...r,
      feature_date: new Date(Number(r.feature_date)).toISOString().slice(0, 10),
    }));
    rows.sort(
      (a, b) => a.feature_date.localeCompare(b.feature_date) || Number(a.customer_id) - Number(b.customer_id),
    );
    expect(rows).toEqual([
      { customer_id: 1, feature_date: '2024-03-04', lines_7d: 1n, amount_30d: 10, days_since_last: 3n },
      { customer_id: 2, feature_date: '2024-03-04', lines_7d: 1n, amount_30d: 7, days_since_last: 1n },
      { customer_id: 1, feature_date: '2024-03-11', lines_7d: 1n, amount_30d: 30, days_since_last: 3n },
      { customer_id: 2, feature_date: '2024-03-11', lines_7d: 0n, amount_30d: 7, days_since_last: 8n },
    ]);
    const aside = await rowsOf('quarantine', 'spend_v1');
    expect(aside).toHaveLength(1);
    expect(aside[0]).toMatchObject({
      run_id: 'run-1',
      stage: 'features',
      reasons: 'range(amount_30d, 0..1000)',
      entity_key: '3',
    });
    expect(JSON.parse(String(aside[0]?.record))).toMatchObject({ customer_id: 3, amount_30d: 5000 });

    const table = await loadTable(env, { namespace: 'features', name: 'spend_v1' });
    const [snapshot] = listSnapshots(table);
    expect(String(snapshot?.snapshotId)).toBe(summary.features.snapshotId);
    const raw = await loadTable(env, { namespace: 'raw', name: 'events' });
    expect(snapshot?.summary).toMatchObject({
      'fti.definition-version': '1',
      'fti.definition-hash': summary.definition.hash,
      'fti.run-id': 'run-1',
      'fti.feature-dates': '2024-03-04,2024-03-11',
      'fti.source-snapshots': JSON.stringify({ events: String(raw.loaded.metadata.currentSnapshotId) }),
    });
    // Labels look forward from each date: customer 1 buys on 03-08 and 03-12, customer 2 never again.
    const labelRows = (await rowsOf('labels', 'spend_labels_v1')).map((r) => [
      r.customer_id,
      new Date(Number(r.feature_date)).toISOString().slice(0, 10),
      r.buys_next_7d,
    ]);
    labelRows.sort((a, b) => String(a[1]).localeCompare(String(b[1])) || Number(a[0]) - Number(b[0]));
    expect(labelRows).toEqual([
      [1, '2024-03-04', true],
      [2, '2024-03-04', false],
      [1, '2024-03-11', true],
      [2, '2024-03-11', false],
      [3, '2024-03-11', false],
    ]);
    expect(progress.filter((p) => p.date !== undefined).map((p) => [p.date, p.rows])).toEqual([
      ['2024-03-04', 2],
      ['2024-03-11', 3],
    ]);
    expect(progress.at(-1)).toMatchObject({ stage: 'done', step: 5, steps: 5 });
  });

  it('is idempotent: a re-run replaces the same dates with the same rows', async () => {
    const before = await rowsOf('features', 'spend_v1');
    const summary = await run(config());
    expect(summary.definition.status).toBe('unchanged');
    const after = await rowsOf('features', 'spend_v1');
    const key = (r: Record<string, unknown>) => `${r.feature_date}/${r.customer_id}`;
    expect(after.map(key).sort()).toEqual(before.map(key).sort());
    expect(after).toHaveLength(4);
    const table = await loadTable(env, { namespace: 'features', name: 'spend_v1' });
    expect(listSnapshots(table).map((s) => s.operation)).toEqual(['append', 'overwrite']);
  });

  it('strict: a failing expectation fails the run and commits nothing anywhere', async () => {
    const snapshotsBefore = await snapshotIds();
    const failure = await run(
      config({
        validation: {
          policy: 'strict',
          input: { allow: ['nullEntityKey'] },
          expectations: [{ kind: 'range', column: 'amount_30d', max: 1000 }],
        },
      }),
    ).catch((e) => e);
    expect(failure).toBeInstanceOf(ValidationFailedError);
    const report = (failure as ValidationFailedError).report;
    expect(report.passed).toBe(false);
    expect(report.expectations[0]).toMatchObject({ status: 'failed', failingCount: 1 });
    expect(report.expectations[0]?.sample[0]).toMatchObject({
      customer_id: 3,
      feature_date: '2024-03-11',
      amount_30d: 5000,
    });
    expect((failure as Error).message).toMatch(
      /failed validation \(policy strict\): range\(amount_30d, -inf\.\.1000\) \(1\); nothing was committed/,
    );
    expect(await snapshotIds()).toEqual(snapshotsBefore);
  });

  it('quarantine: a table-level failure still fails the run, and bad input is rejected under strict', async () => {
    const snapshotsBefore = await snapshotIds();
    const rowCount = await run(
      config({
        validation: {
          policy: 'quarantine',
          input: { allow: ['nullEntityKey'] },
          expectations: [{ kind: 'rowCount', min: 3 }],
        },
      }),
    ).catch((e) => e);
    expect((rowCount as ValidationFailedError).report.expectations[0]).toMatchObject({
      status: 'failed',
      failingCount: 1,
    });
    const nullKey = await run(config({ validation: { policy: 'strict' } })).catch((e) => e);
    expect(nullKey).toBeInstanceOf(ValidationFailedError);
    expect(
      (nullKey as ValidationFailedError).report.input.find((i) => i.kind === 'nullEntityKey'),
    ).toMatchObject({
      count: 1,
      action: 'rejected',
      sample: [{ customer: null, invoice: 'G1', amount: 9 }],
    });
    expect(await snapshotIds()).toEqual(snapshotsBefore);
  });

  it('refuses a changed definition that kept its version; a new version gets a new table', async () => {
    // The same names, but the count now covers 8 days instead of 7.
    const changed = {
      ...features,
      features: [
        { kind: 'aggregate', name: 'lines_7d', fn: 'count', windowDays: 8 },
        ...features.features.slice(1),
      ],
    };
    const snapshotsBefore = await snapshotIds();
    await expect(run(config({ features: { definition: changed } }))).rejects.toThrow(
      DefinitionVersionConflictError,
    );
    expect(await snapshotIds()).toEqual(snapshotsBefore);
    const summary = await run(
      config({ features: { definition: { ...changed, version: 2 } }, labels: undefined }),
    );
    expect(summary.definition).toMatchObject({ version: 2, status: 'new-version' });
    expect(summary.features.table).toBe('features.spend_v2');
    expect(await rowsOf('features', 'spend_v1')).toHaveLength(4);
    // Version 1 keeps its own table: re-running it is checked against that table's definition only.
    const again = await run(config({ labels: undefined }));
    expect(again.definition).toMatchObject({ version: 1, status: 'unchanged' });
    expect(again.features.table).toBe('features.spend_v1');
  });
});

async function snapshotIds(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const namespace of ['features', 'labels', 'quarantine']) {
    for (const id of await env.catalog.listTables(namespace)) {
      out[`${namespace}.${id.name}`] = listSnapshots(await loadTable(env, id)).map((s) =>
        String(s.snapshotId),
      );
    }
  }
  return out;
}
