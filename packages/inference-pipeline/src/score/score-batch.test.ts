import { createTable, loadTable, readTable } from '@fti/feature-store';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignatureMismatchError } from '../errors.js';
import { loadServableModel } from '../load/load-servable-model.js';
import type { ServableModel } from '../load/servable-model.js';
import {
  ENTITIES,
  FEATURE_COLUMNS,
  FEATURE_DATE,
  MODEL_NAME,
  openScoringFixture,
  referenceScore,
  type ScoringFixture,
  THRESHOLD,
} from '../testing/scoring-fixture.js';
import { type ScoreBatchOptions, scoreBatch } from './score-batch.js';

let fixture: ScoringFixture;
let model: ServableModel;

beforeAll(async () => {
  fixture = await openScoringFixture();
  model = await loadServableModel(fixture.registry, { name: MODEL_NAME, alias: 'staging' });
});
afterAll(async () => {
  await fixture.close();
});

function options(overrides: Partial<ScoreBatchOptions> = {}): ScoreBatchOptions {
  return {
    env: fixture.warehouse,
    model,
    features: { namespace: 'features', name: 'customers' },
    keys: ['customer_id'],
    featureDate: FEATURE_DATE,
    predictions: { namespace: 'predictions', name: 'single' },
    log: { namespace: 'predictions', name: 'single_log' },
    runId: 'run-1',
    now: () => Date.UTC(2011, 11, 1, 6),
    batchRows: 1000,
    ...overrides,
  };
}

async function readScores(
  name: string,
): Promise<Map<number, { score: number; cls: number; version: number }>> {
  const table = await readTable(await loadTable(fixture.warehouse, { namespace: 'predictions', name }));
  const out = new Map<number, { score: number; cls: number; version: number }>();
  for (const row of table.toArray()) {
    const r = row.toJSON() as Record<string, unknown>;
    const id = Number(r.customer_id);
    expect(out.has(id), `customer ${id} scored twice`).toBe(false);
    out.set(id, { score: Number(r.score), cls: Number(r.predicted_class), version: Number(r.model_version) });
  }
  return out;
}

describe('scoreBatch', () => {
  it('scores every entity of the feature date as the float64 reference does, at the tuned threshold, leaving no tensors', async () => {
    const before = tf.memory().numTensors;
    const summary = await scoreBatch(options());
    expect(tf.memory().numTensors).toBe(before);
    expect(summary.rowsRead).toBe(ENTITIES);
    expect(summary.rowsScored).toBe(ENTITIES);
    expect(summary.batches).toBeGreaterThanOrEqual(2);
    expect(summary.largestBatchRows).toBeLessThan(1000 + 2048);
    expect(summary.model).toEqual({ name: MODEL_NAME, version: 1, threshold: THRESHOLD });
    const features = await loadTable(fixture.warehouse, { namespace: 'features', name: 'customers' });
    expect(summary.featureSnapshotId).toBe(String(features.loaded.metadata.currentSnapshotId));

    const scores = await readScores('single');
    expect(scores.size).toBe(ENTITIES);
    let positives = 0;
    for (const row of fixture.rows.filter((r) => r.feature_date === FEATURE_DATE)) {
      const got = scores.get(row.customer_id)!;
      const want = referenceScore(fixture.model, row);
      expect(Math.abs(got.score - want)).toBeLessThan(1e-6);
      expect(got.cls).toBe(got.score >= THRESHOLD ? 1 : 0);
      expect(got.version).toBe(1);
      positives += got.cls;
    }
    expect(summary.positives).toBe(positives);
    expect(positives).toBeGreaterThan(0);
    expect(positives).toBeLessThan(ENTITIES);
  });

  it('is idempotent on the predictions table, while the log keeps every run', async () => {
    const first = await readScores('single');
    await scoreBatch(options({ runId: 'run-2' }));
    const second = await readScores('single');
    expect(second).toEqual(first);
    const log = await readTable(
      await loadTable(fixture.warehouse, { namespace: 'predictions', name: 'single_log' }),
    );
    expect(log.numRows).toBe(2 * ENTITIES);
    const runs = new Set(log.getChild('run_id')!.toArray() as string[]);
    expect([...runs].sort()).toEqual(['run-1', 'run-2']);
  });

  it('splits a run over shards with no overlap and no gap: the union of 3 shards (then of 2, re-sharded in place) equals the single run', async () => {
    const single = await readScores('single');
    const counts: number[] = [];
    for (let index = 0; index < 3; index++) {
      const summary = await scoreBatch(
        options({
          shard: { index, count: 3 },
          predictions: { namespace: 'predictions', name: 'sharded' },
          log: { namespace: 'predictions', name: 'sharded_log' },
        }),
      );
      expect(summary.rowsRead).toBe(ENTITIES);
      counts.push(summary.rowsScored);
    }
    expect(counts.reduce((a, b) => a + b, 0)).toBe(ENTITIES);
    expect(Math.min(...counts)).toBeGreaterThan(ENTITIES / 6);
    // readScores fails on a duplicate entity, so equal maps mean no overlap and no gap.
    expect(await readScores('sharded')).toEqual(single);
    // Re-scoring the same table with 2 shards replaces exactly their hash ranges: still one row per entity.
    for (let index = 0; index < 2; index++)
      await scoreBatch(
        options({
          shard: { index, count: 2 },
          predictions: { namespace: 'predictions', name: 'sharded' },
          log: { namespace: 'predictions', name: 'sharded_log' },
        }),
      );
    expect(await readScores('sharded')).toEqual(single);
  });

  it('rejects a feature table that does not match the signature, naming every column, and writes nothing', async () => {
    const bad = await createTable(fixture.warehouse, {
      namespace: 'features',
      name: 'customers_bad',
      columns: FEATURE_COLUMNS.filter((c) => c.name !== 'x2').map((c) =>
        c.name === 'x1' ? { ...c, type: 'string' as const } : c,
      ),
    });
    const error = await scoreBatch(
      options({
        features: { namespace: 'features', name: 'customers_bad' },
        predictions: { namespace: 'predictions', name: 'never' },
      }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignatureMismatchError);
    expect((error as SignatureMismatchError).problems).toEqual([
      { column: 'x1', problem: 'type', expected: 'float', actual: 'string' },
      { column: 'x2', problem: 'missing', expected: 'float', actual: null },
    ]);
    expect((error as Error).message).toContain('`x2` is missing');
    await expect(loadTable(bad.env, { namespace: 'predictions', name: 'never' })).rejects.toThrow(/never/);
  });
});
