import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  createTable,
  listSnapshots,
  loadTable,
  quoteLiteral,
  readTable,
  snapshotRelation,
  type Table,
} from '@fti/feature-store';
import { applyPreprocessor, predictProba } from '@fti/model-runtime';
import * as tf from '@tensorflow/tfjs-core';
import * as arrow from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidScoringInputError, SignatureMismatchError } from '../errors.js';
import { loadServableModel } from '../load/load-servable-model.js';
import type { ServableModel } from '../load/servable-model.js';
import {
  ENTITIES,
  FEATURE_COLUMNS,
  FEATURE_DATE,
  type FeatureRow,
  MODEL_NAME,
  openScoringFixture,
  referenceScore,
  type ScoringFixture,
  THRESHOLD,
} from '../testing/scoring-fixture.js';
import { PREDICTION_COLUMNS } from './predictions-table.js';
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

const dateRows = (): FeatureRow[] => fixture.rows.filter((r) => r.feature_date === FEATURE_DATE);
const tableOf = (name: string): Promise<Table> =>
  loadTable(fixture.warehouse, { namespace: 'predictions', name });

/** The data files of a table's current snapshot, as local paths. */
async function liveFiles(table: Table): Promise<string[]> {
  const listed = await fixture.warehouse.files.store.list(
    `${table.loaded.identifier.namespace}/${table.loaded.identifier.name}/data/`,
  );
  return listed.map((o) => join(fixture.dir, 'warehouse', o.key));
}

/** The rows as an Arrow table: the key as int64 (or as the strings `key` makes), the inputs as float64 and utf8. */
function toArrow(rows: FeatureRow[], key?: (id: number) => string): arrow.Table {
  return new arrow.Table({
    customer_id: key
      ? arrow.vectorFromArray(
          rows.map((r) => key(r.customer_id)),
          new arrow.Utf8(),
        )
      : arrow.vectorFromArray(
          rows.map((r) => BigInt(r.customer_id)),
          new arrow.Int64(),
        ),
    x1: arrow.vectorFromArray(
      rows.map((r) => r.x1),
      new arrow.Float64(),
    ),
    x2: arrow.vectorFromArray(
      rows.map((r) => r.x2),
      new arrow.Float64(),
    ),
    country: arrow.vectorFromArray(
      rows.map((r) => r.country),
      new arrow.Utf8(),
    ),
  });
}

describe('scoreBatch: outputs', () => {
  it('writes scores equal to predictProba on the preprocessed rows (1e-9) and logs the raw inputs of every row', async () => {
    await scoreBatch(
      options({
        predictions: { namespace: 'predictions', name: 'exact' },
        log: { namespace: 'predictions', name: 'exact_log' },
      }),
    );
    const rows = dateRows();
    const matrix = applyPreprocessor(model.preprocessor, {
      x1: Float64Array.from(rows, (r) => r.x1),
      x2: Float64Array.from(rows, (r) => r.x2 ?? Number.NaN),
      country: rows.map((r) => r.country),
    });
    const want = await predictProba(model.model, matrix);
    const log = await readTable(await tableOf('exact_log'));
    expect(log.numRows).toBe(rows.length);
    expect(log.schema.fields.map((f) => f.name)).toEqual([
      'customer_id',
      ...PREDICTION_COLUMNS.map((c) => c.name),
      'x1',
      'x2',
      'country',
    ]);
    const byId = new Map(rows.map((r, i) => [r.customer_id, i]));
    for (const row of log.toArray()) {
      const r = row.toJSON() as Record<string, unknown>;
      const i = byId.get(Number(r.customer_id))!;
      const source = rows[i]!;
      expect(Math.abs(Number(r.score) - want[i]!)).toBeLessThan(1e-9);
      expect(r.x1).toBe(source.x1);
      expect(r.x2).toBe(source.x2);
      expect(r.country).toBe(source.country);
      expect(r.model_name).toBe(MODEL_NAME);
      expect(Number(r.model_version)).toBe(1);
      expect(r.run_id).toBe('run-1');
    }
    const predictions = await readTable(await tableOf('exact'));
    expect(predictions.schema.fields.map((f) => f.name)).toEqual([
      'customer_id',
      ...PREDICTION_COLUMNS.map((c) => c.name),
    ]);
  });

  it('writes valid Iceberg: field ids in every data file, row counts equal to total-records, one snapshot per table per run', async () => {
    for (const name of ['exact', 'exact_log']) {
      const table = await tableOf(name);
      const snapshots = await listSnapshots(table);
      expect(snapshots).toHaveLength(1);
      const files = await liveFiles(table);
      expect(files.length).toBeGreaterThan(0);
      const list = `[${files.map((f) => quoteLiteral(f)).join(', ')}]`;
      const [count] = await fixture.warehouse.db.query(
        `SELECT count(*)::INTEGER AS n FROM read_parquet(${list})`,
      );
      expect(String(count?.n)).toBe(snapshots[0]!.summary['total-records']);
      const schema = table.loaded.metadata.schemas.at(-1)!;
      const ids = await fixture.warehouse.db.query(
        `SELECT DISTINCT name, field_id FROM parquet_schema(${list}) WHERE num_children IS NULL OR num_children = 0`,
      );
      expect(Object.fromEntries(ids.map((c) => [c.name, Number(c.field_id)]))).toEqual(
        Object.fromEntries(schema.fields.map((f) => [f.name, f.id])),
      );
      // The default encoding of these write-heavy tables: snappy; varying columns plain (no dictionary).
      const encodings = await fixture.warehouse.db.query(
        `SELECT DISTINCT compression, path_in_schema AS column, encodings FROM parquet_metadata(${list}) WHERE path_in_schema IN ('score', 'entity_hash')`,
      );
      expect(new Set(encodings.map((e) => `${e.column}: ${e.compression} ${e.encodings}`))).toEqual(
        new Set(['score: SNAPPY PLAIN', 'entity_hash: SNAPPY PLAIN']),
      );
    }
  });

  it('scores Parquet input (files and globs) and Arrow input like the feature table: the union of 2 Parquet shards equals the single run', async () => {
    const dir = join(fixture.dir, 'parquet-input');
    await mkdir(dir, { recursive: true });
    const features = await loadTable(fixture.warehouse, { namespace: 'features', name: 'customers' });
    const { relation } = await snapshotRelation(features, {
      filter: { column: 'feature_date', op: '=', value: new Date(`${FEATURE_DATE}T00:00:00Z`) },
    });
    await fixture.warehouse.db.run(`CREATE OR REPLACE TEMP TABLE date_rows AS SELECT * FROM ${relation}`);
    for (const part of [0, 1])
      await fixture.warehouse.db.run(
        `COPY (SELECT customer_id, x1, x2, country FROM date_rows WHERE customer_id % 2 = ${part}) TO ${quoteLiteral(join(dir, `part-${part}.parquet`))} (FORMAT parquet)`,
      );
    const single = await readScores('single');
    for (const index of [0, 1])
      await scoreBatch(
        options({
          input: { kind: 'parquet', paths: [join(dir, '*.parquet')] },
          shard: { index, count: 2 },
          predictions: { namespace: 'predictions', name: 'from_parquet' },
          log: { namespace: 'predictions', name: 'from_parquet_log' },
        }),
      );
    expect(await readScores('from_parquet')).toEqual(single);

    const data = toArrow(dateRows());
    const summary = await scoreBatch(
      options({
        input: { kind: 'arrow', data: data.batches },
        predictions: { namespace: 'predictions', name: 'from_arrow' },
        log: { namespace: 'predictions', name: 'from_arrow_log' },
      }),
    );
    expect(summary.featureSnapshotId).toBeNull();
    expect(await readScores('from_arrow')).toEqual(single);
  });

  it('writes string keys exactly, whether few (sent to DuckDB as dictionary codes) or many (as strings)', async () => {
    const rows = dateRows();
    const data = toArrow(rows, (id) => `c-${id}`);
    // 1,000-row batches: the first batch's 1,000 keys fit the 1,024-code dictionary, the second overflows it.
    const batches = [0, 1000, 2000, 3000, 4000].map((from) => data.slice(from, from + 1000).batches[0]!);
    await scoreBatch(
      options({
        input: { kind: 'arrow', data: batches },
        predictions: { namespace: 'predictions', name: 'string_keys' },
        log: { namespace: 'predictions', name: 'string_keys_log' },
        fileRows: 1000,
      }),
    );
    const log = await readTable(await tableOf('string_keys_log'));
    const got = new Map<string, string | null>();
    for (const row of log.toArray()) got.set(String(row.customer_id), row.country as string | null);
    expect(got.size).toBe(ENTITIES);
    for (const r of rows) expect(got.get(`c-${r.customer_id}`)).toBe(r.country);
  });

  it('adds the input columns to a log created without them (schema evolution), older rows reading null', async () => {
    const id = { namespace: 'predictions', name: 'old_log' };
    await createTable(fixture.warehouse, {
      ...id,
      columns: [{ name: 'customer_id', type: 'long', required: true }, ...PREDICTION_COLUMNS],
      partition: [{ column: 'feature_date', transform: 'day' }],
    });
    await scoreBatch(options({ predictions: { namespace: 'predictions', name: 'old' }, log: id }));
    const log = await readTable(await tableOf('old_log'));
    expect(log.schema.fields.slice(-3).map((f) => `${f.name}:${f.type}`)).toEqual([
      'x1:Float64',
      'x2:Float64',
      'country:Utf8',
    ]);
    expect(log.numRows).toBe(ENTITIES);
    expect(log.getChild('x1')!.nullCount).toBe(0);
  });

  it('refuses bad input with a clear error and commits nothing: wrong Arrow type, missing Parquet column, empty input', async () => {
    const never = { namespace: 'predictions', name: 'never_bad' };
    const neverLog = { namespace: 'predictions', name: 'never_bad_log' };
    const wrong = new arrow.Table({
      customer_id: arrow.vectorFromArray([1n], new arrow.Int64()),
      x1: arrow.vectorFromArray(['1.5'], new arrow.Utf8()),
      x2: arrow.vectorFromArray([1], new arrow.Float64()),
      country: arrow.vectorFromArray(['UK'], new arrow.Utf8()),
    });
    const typed = await scoreBatch(
      options({ input: { kind: 'arrow', data: wrong }, predictions: never, log: neverLog }),
    ).catch((e: unknown) => e);
    expect(typed).toBeInstanceOf(SignatureMismatchError);
    expect((typed as Error).message).toContain('`x1` is string but the model needs float');

    const dir = join(fixture.dir, 'parquet-bad');
    await mkdir(dir, { recursive: true });
    await fixture.warehouse.db.run(
      `COPY (SELECT 1::BIGINT AS customer_id, 0.5::DOUBLE AS x1, 'UK' AS country) TO ${quoteLiteral(join(dir, 'a.parquet'))} (FORMAT parquet)`,
    );
    const missing = await scoreBatch(
      options({
        input: { kind: 'parquet', paths: [join(dir, 'a.parquet')] },
        predictions: never,
        log: neverLog,
      }),
    ).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(SignatureMismatchError);
    expect((missing as Error).message).toContain('`x2` is missing');

    const noFiles = await scoreBatch(
      options({
        input: { kind: 'parquet', paths: [join(dir, 'none-*.parquet')] },
        predictions: never,
        log: neverLog,
      }),
    ).catch((e: unknown) => e);
    expect(noFiles).toBeInstanceOf(InvalidScoringInputError);
    expect((noFiles as Error).message).toMatch(/cannot be read as Parquet/);

    const emptyDate = await scoreBatch(
      options({ featureDate: '2011-11-13', predictions: never, log: neverLog }),
    ).catch((e: unknown) => e);
    expect(emptyDate).toBeInstanceOf(InvalidScoringInputError);
    expect((emptyDate as Error).message).toContain('has no rows for feature date 2011-11-13');

    const emptyArrow = await scoreBatch(
      options({ input: { kind: 'arrow', data: [] }, predictions: never, log: neverLog }),
    ).catch((e: unknown) => e);
    expect(emptyArrow).toBeInstanceOf(InvalidScoringInputError);

    await expect(loadTable(fixture.warehouse, never)).rejects.toThrow(/never_bad/);
    await expect(loadTable(fixture.warehouse, neverLog)).rejects.toThrow(/never_bad_log/);
  });

  it('commits nothing when scoring fails half-way, leaving no data file behind', async () => {
    const id = { namespace: 'predictions', name: 'half' };
    const logId = { namespace: 'predictions', name: 'half_log' };
    async function* failing(): AsyncGenerator<arrow.RecordBatch> {
      const rows = dateRows();
      const batch = (from: number, to: number) => toArrow(rows.slice(from, to)).batches[0]!;
      yield batch(0, 2000);
      yield batch(2000, 4000);
      throw new Error('source went away');
    }
    await expect(
      scoreBatch(
        options({ input: { kind: 'arrow', data: failing() }, fileRows: 1000, predictions: id, log: logId }),
      ),
    ).rejects.toThrow(/source went away/);
    for (const table of [await tableOf('half'), await tableOf('half_log')]) {
      expect(table.loaded.metadata.currentSnapshotId).toBeUndefined();
      expect(await liveFiles(table)).toEqual([]);
    }
  });
});
