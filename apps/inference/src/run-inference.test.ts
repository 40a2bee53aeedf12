import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { loadTable, quoteLiteral, snapshotRelation } from '@fti/feature-store';
import {
  ENTITIES,
  FEATURE_DATE,
  MODEL_NAME,
  openScoringFixture,
  type ScoringFixture,
} from '@fti/inference-pipeline/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArgs } from './config.js';
import { runInference } from './run-inference.js';

let fixture: ScoringFixture;
beforeAll(async () => {
  fixture = await openScoringFixture();
});
afterAll(async () => {
  await fixture.close();
});

describe('inference job', () => {
  it('validates its arguments with a message naming the field', () => {
    expect(() => parseArgs(['--date', '27/11/2011'])).toThrow(/date[\s\S]*YYYY-MM-DD/);
    expect(() => parseArgs(['--date', '2011-11-27', '--alias', 'staging', '--version', '2'])).toThrow(
      /not both/,
    );
    expect(() => parseArgs(['--date', '2011-11-27', '--shard', '1-4'])).toThrow(/i\/n/);
    const config = parseArgs([
      '--',
      '--model',
      'customer-buys-90d',
      '--alias',
      'staging',
      '--date',
      '2011-11-27',
    ]);
    expect(config.features).toEqual({ namespace: 'features', name: 'customer_features_v1' });
    expect(config.keys).toEqual(['customer_id']);
  });

  it('scores the feature date with the staging model and summarises the run', async () => {
    const config = parseArgs([
      '--model',
      MODEL_NAME,
      '--alias',
      'staging',
      '--date',
      FEATURE_DATE,
      '--warehouse',
      join(fixture.dir, 'warehouse'),
      '--registry',
      join(fixture.dir, 'registry'),
      '--features',
      'features/customers',
      '--shard',
      '1/2',
    ]);
    const summary = await runInference(config, { runId: 'app-test' });
    expect(summary.modelLabel).toBe(`${MODEL_NAME}@1 (${MODEL_NAME}@staging)`);
    expect(summary.rowsRead).toBe(ENTITIES);
    expect(summary.rowsScored).toBeGreaterThan(ENTITIES / 4);
    expect(summary.rowsScored).toBeLessThan((ENTITIES * 3) / 4);
    expect(summary.predictions.table).toBe('predictions/buys_again');
    expect(summary.log.table).toBe('predictions/buys_again_log');
  });

  it('scores Parquet files given by --input parquet --paths, every shard together covering each row once', async () => {
    expect(() => parseArgs(['--date', FEATURE_DATE, '--input', 'parquet'])).toThrow(/--paths/);
    const dir = join(fixture.dir, 'to-score');
    await mkdir(dir, { recursive: true });
    const features = await loadTable(fixture.warehouse, { namespace: 'features', name: 'customers' });
    const { relation } = await snapshotRelation(features, {
      filter: { column: 'feature_date', op: '=', value: new Date(`${FEATURE_DATE}T00:00:00Z`) },
    });
    await fixture.warehouse.db.run(
      `COPY (SELECT customer_id, x1, x2, country FROM ${relation}) TO ${quoteLiteral(join(dir, 'rows.parquet'))} (FORMAT parquet)`,
    );
    let scored = 0;
    for (const shard of ['0/2', '1/2']) {
      const config = parseArgs([
        ...['--model', MODEL_NAME, '--date', FEATURE_DATE, '--input', 'parquet'],
        ...['--paths', join(dir, '*.parquet'), '--predictions', 'predictions/from_files', '--shard', shard],
        ...['--warehouse', join(fixture.dir, 'warehouse'), '--registry', join(fixture.dir, 'registry')],
      ]);
      expect(config.input).toEqual({ kind: 'parquet', paths: [join(dir, '*.parquet')] });
      const summary = await runInference(config, { runId: `files-${shard}` });
      expect(summary.rowsRead).toBe(ENTITIES);
      expect(summary.featureSnapshotId).toBeNull();
      scored += summary.rowsScored;
    }
    expect(scored).toBe(ENTITIES);
  });
});
