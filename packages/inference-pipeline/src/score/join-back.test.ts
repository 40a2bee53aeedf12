import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  appendData,
  createTable,
  loadTable,
  quoteLiteral,
  readTable,
  snapshotRelation,
  type TableIdentifier,
} from '@fti/feature-store';
import { applyPreprocessor, predictProba } from '@fti/model-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
} from '../testing/scoring-fixture.js';
import { type ScoreBatchOptions, scoreBatch } from './score-batch.js';

// scoreBatch over a table or Parquet files writes through the JoinBackWriter: per file group it joins
// (address, hash, score) back to the input relation. Small groups and batches make groups span several
// input data files (first file by row range, last file by row range, files between whole) and files span
// several groups; the scores must not depend on it.

/** File groups of 1,000 rows, read in batches of one DuckDB chunk. */
const SMALL = { fileRows: 1000, batchRows: 256 };
const SPREAD: TableIdentifier = { namespace: 'features', name: 'spread' };
const OTHER_DATE = '2011-11-20';

let fixture: ScoringFixture;
let model: ServableModel;
/** The rows of the scored date, and predictProba on their preprocessed inputs, by customer. */
let dateRows: Map<number, FeatureRow>;
let reference: Map<number, number>;

beforeAll(async () => {
  fixture = await openScoringFixture();
  model = await loadServableModel(fixture.registry, { name: MODEL_NAME, alias: 'staging' });
  const rows = fixture.rows.filter((r) => r.feature_date === FEATURE_DATE);
  dateRows = new Map(rows.map((r) => [r.customer_id, r]));
  reference = await referenceScores(rows);

  // The date's rows over 7 data files, appended between rows of another date: some of the same customers
  // (other values), some only on that date, and one file holding both dates row by row.
  const other = fixture.rows.filter((r) => r.feature_date === OTHER_DATE);
  const gone = other.slice(0, 300).map((r) => ({ ...r, customer_id: r.customer_id + 900_000 }));
  const interleaved = rows.slice(3000, 3300).flatMap((r, i) => [r, other[600 + i]!]);
  let table = await createTable(fixture.warehouse, { ...SPREAD, columns: FEATURE_COLUMNS });
  for (const part of [
    rows.slice(0, 400),
    other.slice(0, 600),
    rows.slice(400, 3000),
    [...interleaved, ...other.slice(900, 1000)],
    rows.slice(3300, 3800),
    [...gone, ...other.slice(1000)],
    rows.slice(3800, 4300),
    rows.slice(4300, 4800),
    rows.slice(4800),
  ])
    table = await appendData(table, { kind: 'rows', rows: part.map(asTableRow) });
});
afterAll(async () => {
  await fixture.close();
});

const asTableRow = (r: FeatureRow) => ({ ...r, feature_date: new Date(`${r.feature_date}T00:00:00Z`) });
const predictionsTable = (name: string): TableIdentifier => ({ namespace: 'predictions', name });

function options(overrides: Partial<ScoreBatchOptions> = {}): ScoreBatchOptions {
  return {
    env: fixture.warehouse,
    model,
    features: SPREAD,
    keys: ['customer_id'],
    featureDate: FEATURE_DATE,
    predictions: predictionsTable('never'),
    log: predictionsTable('never_log'),
    runId: 'run-1',
    now: () => Date.UTC(2011, 11, 1, 6),
    ...overrides,
  };
}

/** predictProba on the preprocessed rows, by customer. */
async function referenceScores(rows: FeatureRow[]): Promise<Map<number, number>> {
  const matrix = applyPreprocessor(model.preprocessor, {
    x1: Float64Array.from(rows, (r) => r.x1),
    x2: Float64Array.from(rows, (r) => r.x2 ?? Number.NaN),
    country: rows.map((r) => r.country),
  });
  const scores = await predictProba(model.model, matrix);
  return new Map(rows.map((r, i) => [r.customer_id, scores[i]!]));
}

/** A predictions table's scores by customer; fails on a customer scored twice. */
async function readScores(name: string): Promise<Map<number, number>> {
  const table = await readTable(await loadTable(fixture.warehouse, predictionsTable(name)));
  const out = new Map<number, number>();
  for (const row of table.toArray()) {
    const id = Number(row.customer_id);
    expect(out.has(id), `customer ${id} scored twice`).toBe(false);
    out.set(id, row.score as number);
  }
  return out;
}

/** A prediction log's rows by customer, as the source's rows with their score. */
async function readLog(name: string): Promise<Map<number, FeatureRow & { score: number }>> {
  const table = await readTable(await loadTable(fixture.warehouse, predictionsTable(name)));
  const out = new Map<number, FeatureRow & { score: number }>();
  for (const row of table.toArray()) {
    const id = Number(row.customer_id);
    expect(out.has(id), `customer ${id} logged twice`).toBe(false);
    out.set(id, {
      customer_id: id,
      feature_date: FEATURE_DATE,
      x1: row.x1 as number,
      x2: row.x2 as number | null,
      country: row.country as string | null,
      score: row.score as number,
    });
  }
  return out;
}

/** Checks a run's predictions and log: one row per entity of the date, the reference scores, the raw inputs. */
async function expectScoredAsReference(
  name: string,
  source: Map<number, FeatureRow>,
  want: Map<number, number>,
): Promise<Map<number, number>> {
  const scores = await readScores(name);
  expect(scores.size).toBe(source.size);
  for (const [id, score] of scores) {
    expect(source.has(id), `customer ${id} is not an entity of the date`).toBe(true);
    expect(Math.abs(score - want.get(id)!)).toBeLessThan(1e-9);
  }
  const log = await readLog(`${name}_log`);
  expect(log.size).toBe(source.size);
  for (const [id, logged] of log) expect(logged).toEqual({ ...source.get(id), score: scores.get(id) });
  return scores;
}

/** The rows of the scored date in a feature table, as a DuckDB relation (with row addresses when asked). */
async function dateRelation(features: TableIdentifier, rowAddress = false): Promise<string> {
  const table = await loadTable(fixture.warehouse, features);
  const filter = { column: 'feature_date', op: '=' as const, value: new Date(`${FEATURE_DATE}T00:00:00Z`) };
  return (await snapshotRelation(table, { filter, rowAddress })).relation;
}

/**
 * How a run's file groups (one predictions data file each) lay over its input table's data files: how many
 * input files each group read (ascending), and the most groups one input file was read by.
 */
async function groupSpans(
  name: string,
  features: TableIdentifier,
): Promise<{ filesPerGroup: number[]; groupsPerFile: number }> {
  const relation = await dateRelation(features, true);
  const listed = await fixture.warehouse.files.store.list(`predictions/${name}/data/`);
  const files = `[${listed.map((o) => quoteLiteral(join(fixture.dir, 'warehouse', o.key))).join(', ')}]`;
  const pairs = `(SELECT DISTINCT p.filename AS grp, a.__fti_file AS file FROM read_parquet(${files}, filename = true) AS p JOIN ${relation} AS a USING (customer_id))`;
  const db = fixture.warehouse.db;
  const perGroup = await db.query(`SELECT count(*)::INTEGER AS n FROM ${pairs} GROUP BY grp ORDER BY n`);
  const [perFile] = await db.query(
    `SELECT max(n) AS n FROM (SELECT count(*)::INTEGER AS n FROM ${pairs} GROUP BY file)`,
  );
  return { filesPerGroup: perGroup.map((g) => g.n as number), groupsPerFile: perFile!.n as number };
}

describe('scoreBatch: join back to the input', () => {
  it('reads the date spread over 7 data files (one holding another date too), 6 of them under 1,000 rows', async () => {
    const relation = await dateRelation(SPREAD, true);
    const files = await fixture.warehouse.db.query(
      `SELECT count(*)::INTEGER AS n FROM ${relation} GROUP BY __fti_file ORDER BY n`,
    );
    expect(files.map((f) => f.n)).toEqual([200, 300, 400, 500, 500, 500, 2600]);
  });

  it('scores a spread date in groups spanning files as with default sizes and as the reference, once per entity, logging the source rows', async () => {
    const small = await scoreBatch(
      options({ ...SMALL, predictions: predictionsTable('small'), log: predictionsTable('small_log') }),
    );
    const whole = await scoreBatch(
      options({ predictions: predictionsTable('whole'), log: predictionsTable('whole_log') }),
    );
    for (const summary of [small, whole]) {
      expect(summary.rowsRead).toBe(ENTITIES);
      expect(summary.rowsScored).toBe(ENTITIES);
    }
    expect(small.batches).toBeGreaterThan(whole.batches);

    const scores = await expectScoredAsReference('small', dateRows, reference);
    expect(await expectScoredAsReference('whole', dateRows, reference)).toEqual(scores);
    // DuckDB chunks (2,048 rows) cross file boundaries: a group of the small run reads up to 3 files, the
    // middle one whole, and a file is split between groups.
    const spans = await groupSpans('small', SPREAD);
    expect(spans.filesPerGroup.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...spans.filesPerGroup)).toBeGreaterThanOrEqual(3);
    expect(spans.groupsPerFile).toBeGreaterThanOrEqual(2);
    expect(await groupSpans('whole', SPREAD)).toEqual({ filesPerGroup: [7], groupsPerFile: 1 });
  });

  it('scores on 2 worker threads, scores arriving while later batches fill recycled buffers, as the reference', async () => {
    // Four copies of the date under other customer ids: 2,048-row batches, more of them than the stream's
    // 4 buffer sets, each split between the workers (so its scores come back asynchronously).
    const copies = [0, 1, 2, 3].flatMap((k) =>
      [...dateRows.values()].map((r) => ({ ...r, customer_id: r.customer_id + k * 1_000_000 })),
    );
    const source = new Map(copies.map((r) => [r.customer_id, r]));
    const want = new Map(copies.map((r) => [r.customer_id, reference.get(r.customer_id % 1_000_000)!]));
    const copied: TableIdentifier = { namespace: 'features', name: 'copies' };
    let table = await createTable(fixture.warehouse, { ...copied, columns: FEATURE_COLUMNS });
    table = await appendData(table, { kind: 'rows', rows: copies.map(asTableRow) });
    const summary = await scoreBatch(
      options({
        features: copied,
        fileRows: 4096,
        batchRows: 2048,
        threads: 2,
        predictions: predictionsTable('workers'),
        log: predictionsTable('workers_log'),
      }),
    );
    expect(summary.batches).toBeGreaterThan(4);
    expect(summary.rowsScored).toBe(4 * ENTITIES);
    await expectScoredAsReference('workers', source, want);
  });

  it('scores Parquet input of 3 files (one in row groups of 512 rows, one in reverse order) as the reference', async () => {
    const dir = join(fixture.dir, 'join-back-parquet');
    await mkdir(dir, { recursive: true });
    const db = fixture.warehouse.db;
    const relation = await dateRelation(SPREAD);
    await db.run(
      `CREATE OR REPLACE TEMP TABLE join_back_rows AS SELECT customer_id, x1, x2, country, row_number() OVER (ORDER BY customer_id) - 1 AS n FROM ${relation}`,
    );
    const parts = [
      { file: 'a.parquet', where: 'n < 2300', order: 'n', rowGroup: 512 },
      { file: 'b.parquet', where: 'n >= 2300 AND n < 2600', order: 'n', rowGroup: 122_880 },
      { file: 'c.parquet', where: 'n >= 2600', order: 'n DESC', rowGroup: 1024 },
    ];
    for (const p of parts)
      await db.run(
        `COPY (SELECT customer_id, x1, x2, country FROM join_back_rows WHERE ${p.where} ORDER BY ${p.order}) TO ${quoteLiteral(join(dir, p.file))} (FORMAT parquet, ROW_GROUP_SIZE ${p.rowGroup})`,
      );
    const summary = await scoreBatch(
      options({
        ...SMALL,
        input: { kind: 'parquet', paths: parts.map((p) => join(dir, p.file)) },
        predictions: predictionsTable('parquet'),
        log: predictionsTable('parquet_log'),
      }),
    );
    expect(summary.rowsRead).toBe(ENTITIES);
    expect(summary.rowsScored).toBe(ENTITIES);
    expect(summary.featureSnapshotId).toBeNull();
    const scores = await expectScoredAsReference('parquet', dateRows, reference);
    expect(scores).toEqual(await readScores('small'));
  });

  it('splits a spread date over 3 shards in small groups: the union equals the single run', async () => {
    const counts: number[] = [];
    for (let index = 0; index < 3; index++) {
      const summary = await scoreBatch(
        options({
          ...SMALL,
          shard: { index, count: 3 },
          predictions: predictionsTable('sharded'),
          log: predictionsTable('sharded_log'),
        }),
      );
      expect(summary.rowsRead).toBe(ENTITIES);
      counts.push(summary.rowsScored);
    }
    expect(counts.reduce((a, b) => a + b, 0)).toBe(ENTITIES);
    expect(Math.min(...counts)).toBeGreaterThan(ENTITIES / 6);
    const scores = await readScores('sharded');
    expect(scores).toEqual(await readScores('small'));
    const log = await readLog('sharded_log');
    expect(log.size).toBe(ENTITIES);
    for (const [id, logged] of log) expect(logged).toEqual({ ...dateRows.get(id), score: scores.get(id) });
  });

  it('scores category values the model never saw in its unseen slot and logs them as they were', async () => {
    const odd = ["O'Brien", '', 'uk', 'DE ', '\u0000unseen', 'FR', null, 'DE', 'UK'];
    const rows = [...dateRows.values()].map((r, i) => ({ ...r, country: odd[i % odd.length]! }));
    const id = { namespace: 'features', name: 'odd_countries' };
    let table = await createTable(fixture.warehouse, { ...id, columns: FEATURE_COLUMNS });
    for (const part of [rows.slice(0, 2600), rows.slice(2600)])
      table = await appendData(table, { kind: 'rows', rows: part.map(asTableRow) });
    await scoreBatch(
      options({
        ...SMALL,
        features: id,
        predictions: predictionsTable('odd'),
        log: predictionsTable('odd_log'),
      }),
    );
    const source = new Map(rows.map((r) => [r.customer_id, r]));
    const scores = await expectScoredAsReference('odd', source, await referenceScores(rows));
    // The independent float64 reference sends every country but DE and UK to the unseen slot.
    for (const row of rows)
      expect(Math.abs(scores.get(row.customer_id)! - referenceScore(fixture.model, row))).toBeLessThan(1e-6);
    // Its 2 files also give groups of one file, which join on the row position alone.
    expect((await groupSpans('odd', id)).filesPerGroup).toContain(1);
    const log = await readLog('odd_log');
    const logged = new Set([...log.values()].map((r) => r.country));
    expect(logged).toEqual(new Set(odd));
  });
});
