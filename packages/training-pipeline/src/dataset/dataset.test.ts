import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSyntheticWarehouse,
  type SyntheticWarehouse,
  syntheticDatasetSpec,
} from '../../test/dataset/synthetic-warehouse.js';
import { DatasetError } from '../errors.js';
import { buildDataset } from './build-dataset.js';
import { checkFeatureValues } from './check-feature-values.js';
import type { Dataset } from './dataset.js';
import { splitDataset } from './split-dataset.js';

let wh: SyntheticWarehouse;
let dataset: Dataset;

beforeAll(async () => {
  wh = await createSyntheticWarehouse({ customers: 60, weeks: 6 });
  dataset = await buildDataset(wh.env, syntheticDatasetSpec());
});
afterAll(() => wh.close());

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe('buildDataset', () => {
  it('joins one row per spine row, ordered by time then key, with pinned snapshots and the spine hash', async () => {
    expect(dataset.rows).toBe(360);
    expect(dataset.timestamps[0]).toBe(day('2024-01-07'));
    expect(dataset.timestamps[359]).toBe(day('2024-02-11'));
    expect(dataset.entities.slice(0, 3)).toEqual(['1', '2', '3']);
    for (let i = 1; i < dataset.rows; i++)
      expect(dataset.timestamps[i]).toBeGreaterThanOrEqual(dataset.timestamps[i - 1]!);
    expect(dataset.features).toEqual([
      { name: 'signal', view: 'customer_features', type: 'float' },
      { name: 'noise', view: 'customer_features', type: 'float' },
      { name: 'spend', view: 'customer_features', type: 'float' },
      { name: 'orders', view: 'customer_features', type: 'int' },
      { name: 'country', view: 'customer_features', type: 'string' },
    ]);
    expect(dataset.featureRefs[0]).toBe('customer_features:signal');
    const labelSnapshot = wh.labels.loaded.metadata.currentSnapshotId;
    const featureSnapshot = wh.features.loaded.metadata.currentSnapshotId;
    expect(dataset.sources).toEqual([
      {
        kind: 'table',
        name: 'labels.customer_labels_v1',
        table: 'labels.customer_labels_v1',
        snapshotId: String(labelSnapshot),
      },
      {
        kind: 'feature-view',
        name: 'customer_features',
        version: 1,
        table: 'features.customer_features_v1',
        snapshotId: String(featureSnapshot),
      },
    ]);
    expect(dataset.spineHash).toMatch(/^[0-9a-f]{64}$/);
    // Same spine, same hash; a narrower spine, another hash.
    expect((await buildDataset(wh.env, syntheticDatasetSpec())).spineHash).toBe(dataset.spineHash);
    const narrow = await buildDataset(wh.env, syntheticDatasetSpec({ from: '2024-01-14', to: '2024-01-21' }));
    expect(narrow.rows).toBe(120);
    expect(narrow.spineHash).not.toBe(dataset.spineHash);
  });

  it('reads feature values exactly as stored: nulls become NaN, strings stay strings, labels 0/1', () => {
    const spend = dataset.columns.spend as Float64Array;
    const missing = spend.filter((v) => Number.isNaN(v)).length;
    expect(missing).toBeGreaterThan(10);
    expect(missing).toBeLessThan(70);
    expect(new Set(dataset.columns.country as string[])).toEqual(new Set(['UK', 'FR', 'DE']));
    const positives = dataset.labels.reduce((s, v) => s + v, 0);
    expect(positives).toBeGreaterThan(100);
    expect(positives).toBeLessThan(260);
  });

  it('names the bad input: unknown feature, empty spine, constant label', async () => {
    const spec = syntheticDatasetSpec();
    const unknown = { ...spec, features: [{ ...spec.features[0]!, features: ['signal', 'colour'] }] };
    await expect(buildDataset(wh.env, unknown)).rejects.toThrow(
      /feature `colour` is not in view `customer_features`/,
    );
    await expect(buildDataset(wh.env, syntheticDatasetSpec({ from: '2030-01-01' }))).rejects.toMatchObject({
      problem: 'empty-split',
    });
    const constant = {
      ...spec,
      spine: {
        kind: 'relation' as const,
        name: 'all-ones',
        relation: `(SELECT 1::BIGINT AS customer_id, DATE '2024-01-07' AS feature_date, TRUE AS buys)`,
        keys: ['customer_id'],
        timestampColumn: 'feature_date',
        label: 'buys',
      },
    };
    await expect(buildDataset(wh.env, constant)).rejects.toThrow(/label `buys` is 1 on all 1 spine rows/);
    const nullLabel = {
      ...constant,
      spine: {
        ...constant.spine,
        relation: `(SELECT * FROM (VALUES (1::BIGINT, DATE '2024-01-07', TRUE), (2::BIGINT, DATE '2024-01-07', NULL)) AS t(customer_id, feature_date, buys))`,
      },
    };
    await expect(buildDataset(wh.env, nullLabel)).rejects.toMatchObject({
      problem: 'missing-label',
      column: 'buys',
    });
  });
});

describe('splitDataset', () => {
  it('time split: train before trainEnd, validate from validationStart, the gap left out', () => {
    const split = splitDataset(dataset, {
      kind: 'time',
      trainEnd: '2024-01-21',
      validationStart: '2024-02-04',
    });
    expect(split.train.length).toBe(120);
    expect(split.validation.length).toBe(120);
    const lastTrain = Math.max(...Array.from(split.train, (i) => dataset.timestamps[i]!));
    const firstValidation = Math.min(...Array.from(split.validation, (i) => dataset.timestamps[i]!));
    expect(lastTrain).toBe(day('2024-01-14'));
    expect(firstValidation).toBe(day('2024-02-04'));
  });

  it('group split keeps every customer on one side; stratified keeps the class balance', () => {
    const grouped = splitDataset(dataset, { kind: 'group', validationFraction: 0.25, seed: 4 });
    const trainEntities = new Set(Array.from(grouped.train, (i) => dataset.entities[i]));
    for (const i of grouped.validation) expect(trainEntities.has(dataset.entities[i])).toBe(false);
    expect(grouped.validation.length).toBe(90);
    const stratified = splitDataset(dataset, { kind: 'stratified', validationFraction: 0.25, seed: 4 });
    const rate = (rows: Uint32Array) => rows.reduce((s, i) => s + dataset.labels[i]!, 0) / rows.length;
    expect(Math.abs(rate(stratified.train) - rate(stratified.validation))).toBeLessThan(0.01);
  });

  it('an empty side is a DatasetError that names the split', () => {
    expect(() => splitDataset(dataset, { kind: 'time', trainEnd: '2023-01-01' })).toThrow(DatasetError);
    expect(() => splitDataset(dataset, { kind: 'time', trainEnd: '2023-01-01' })).toThrow(
      /the train split is empty/,
    );
  });
});

describe('checkFeatureValues', () => {
  it('accepts NaN only where imputed and never ±Inf, naming the column, count and first row', () => {
    const spec = { features: [{ kind: 'numeric' as const, column: 'spend' }] };
    expect(() => checkFeatureValues(dataset, spec)).toThrow(
      /feature `spend` has \d+ missing \(NaN\) and 0 infinite/,
    );
    expect(() =>
      checkFeatureValues(dataset, {
        features: [{ kind: 'numeric', column: 'spend', impute: { strategy: 'median' } }],
      }),
    ).not.toThrow();
    const withInf = {
      ...dataset,
      columns: { ...dataset.columns, signal: Float64Array.from([1, Number.POSITIVE_INFINITY]) },
    };
    expect(() =>
      checkFeatureValues(withInf, {
        features: [{ kind: 'numeric', column: 'signal', impute: { strategy: 'mean' } }],
      }),
    ).toThrow(/`signal` has 0 missing \(NaN\) and 1 infinite value\(s\), first at row 1/);
  });
});
