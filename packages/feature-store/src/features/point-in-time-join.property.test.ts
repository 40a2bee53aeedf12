import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as arrow from 'apache-arrow';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDb } from '../engine/duck-db.js';
import { defineEntity } from './entity.js';
import { defineFeatureView } from './feature-view.js';
import { parseTtl } from './parse-ttl.js';
import { runPointInTimeJoin } from './point-in-time-join.js';

const HOUR_US = 3_600_000_000;
const DAY_US = 24 * HOUR_US;

const customer = defineEntity({ name: 'customer', joinKeys: [{ name: 'customer_id', type: 'long' }] });
const store = defineEntity({ name: 'store', joinKeys: [{ name: 'store_id', type: 'long' }] });
/** Hourly view on one key, timestamps, a 5-hour TTL. */
const hourly = defineFeatureView({
  name: 'hourly',
  version: 1,
  entities: [customer],
  eventTimeColumn: 'event_ts',
  eventTimeType: 'timestamp',
  features: [{ name: 'row_id', type: 'long', description: 'index of the generated row' }],
  ttl: 'PT5H',
  owner: 'test',
  description: 'hourly',
});
/** Daily view on two keys, dates, a 2-day TTL. */
const daily = defineFeatureView({
  name: 'daily',
  version: 1,
  entities: [customer, store],
  features: [{ name: 'row_id', type: 'long', description: 'index of the generated row' }],
  ttl: 'P2D',
  owner: 'test',
  description: 'daily',
});

interface ViewRow {
  customer: number;
  store: number;
  /** Hours (hourly view) or days (daily view) since 2024-01-01. */
  time: number;
}
interface SpineRow {
  customer: number | null;
  store: number | null;
  /** Hours since 2024-01-01. */
  hour: number | null;
}
interface Case {
  hourly: ViewRow[];
  daily: ViewRow[];
  spine: SpineRow[];
  /** Resolve ties by the greatest row id (the last written); otherwise rows are made unique per keys and time. */
  tieBreaker: boolean;
}

const viewRow = (maxTime: number) =>
  fc.record({
    customer: fc.integer({ min: 0, max: 3 }),
    store: fc.integer({ min: 0, max: 1 }),
    time: fc.integer({ min: 0, max: maxTime }),
  });
const caseArb: fc.Arbitrary<Case> = fc.record({
  hourly: fc.array(viewRow(24 * 8), { maxLength: 40 }),
  daily: fc.array(viewRow(8), { maxLength: 20 }),
  spine: fc.array(
    fc.record({
      customer: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null, freq: 10 }),
      store: fc.option(fc.integer({ min: 0, max: 1 }), { nil: null, freq: 10 }),
      hour: fc.option(fc.integer({ min: 0, max: 24 * 10 }), { nil: null, freq: 10 }),
    }),
    { minLength: 1, maxLength: 30 },
  ),
  tieBreaker: fc.boolean(),
});

const views = [
  { view: hourly, rows: (c: Case) => c.hourly, unitUs: HOUR_US, keys: ['customer'] as const },
  { view: daily, rows: (c: Case) => c.daily, unitUs: DAY_US, keys: ['customer', 'store'] as const },
];

/** Naive reference: per spine row, the matching row with t - ttl < e <= t and the greatest (e, row id). */
function reference(c: Case): (number | null)[][] {
  return views.map(({ view, rows, unitUs, keys }) => {
    const ttlUs = parseTtl(view.ttl) * 1000;
    const candidates = unique(rows(c), c.tieBreaker);
    return c.spine.map((s) => {
      if (s.hour === null || keys.some((k) => s[k] === null)) return null;
      const t = s.hour * HOUR_US;
      let best: number | null = null;
      candidates.forEach((row, id) => {
        if (row === undefined || keys.some((k) => row[k] !== s[k])) return;
        const e = row.time * unitUs;
        if (e > t || e <= t - ttlUs) return;
        const bestRow = best === null ? undefined : candidates[best];
        if (!bestRow || e > bestRow.time * unitUs || (e === bestRow.time * unitUs && id > (best as number)))
          best = id;
      });
      return best;
    });
  });
}

/** Without a tie-breaker the join requires one row per keys and time: keep the first, blank out the others. */
function unique(rows: ViewRow[], tieBreaker: boolean): (ViewRow | undefined)[] {
  if (tieBreaker) return rows;
  const seen = new Set<string>();
  return rows.map((row) => {
    const key = `${row.customer}/${row.store}/${row.time}`;
    if (seen.has(key)) return undefined;
    seen.add(key);
    return row;
  });
}

let db: DuckDb;
let runId = 0;

beforeAll(async () => {
  db = await DuckDb.open({ threads: 2 });
});
afterAll(() => db.close());

async function run(c: Case): Promise<{ table: arrow.Table; ids: (number | null)[][] }> {
  const id = runId++;
  const sql = (v: number | null) => (v === null ? 'NULL' : String(v));
  await db.run(`
    CREATE OR REPLACE TEMP TABLE spine_${id} (spine_row INTEGER, customer_id BIGINT, store_id BIGINT, ts TIMESTAMP);
    CREATE OR REPLACE TEMP TABLE hourly_${id} (customer_id BIGINT, event_ts TIMESTAMP, row_id BIGINT);
    CREATE OR REPLACE TEMP TABLE daily_${id} (customer_id BIGINT, store_id BIGINT, feature_date DATE, row_id BIGINT);
  `);
  const insert = async (table: string, values: string[]) => {
    if (values.length > 0) await db.run(`INSERT INTO ${table} VALUES ${values.join(', ')}`);
  };
  await insert(
    `spine_${id}`,
    c.spine.map(
      (s, i) =>
        `(${i}, ${sql(s.customer)}, ${sql(s.store)}, ${s.hour === null ? 'NULL' : `TIMESTAMP '2024-01-01' + INTERVAL ${s.hour} HOUR`})`,
    ),
  );
  const hourlyRows = unique(c.hourly, c.tieBreaker);
  await insert(
    `hourly_${id}`,
    hourlyRows.flatMap((r, i) =>
      r ? [`(${r.customer}, TIMESTAMP '2024-01-01' + INTERVAL ${r.time} HOUR, ${i})`] : [],
    ),
  );
  const dailyRows = unique(c.daily, c.tieBreaker);
  await insert(
    `daily_${id}`,
    dailyRows.flatMap((r, i) =>
      r ? [`(${r.customer}, ${r.store}, DATE '2024-01-01' + ${r.time}, ${i})`] : [],
    ),
  );
  const tieBreaker = c.tieBreaker ? { tieBreaker: 'row_id' } : {};
  const table = await runPointInTimeJoin({
    connection: db.connection,
    spine: { relation: `spine_${id}`, keys: ['customer_id', 'store_id'], timestampColumn: 'ts' },
    views: [
      { view: hourly, relation: `hourly_${id}`, ...tieBreaker },
      { view: daily, relation: `daily_${id}`, ...tieBreaker },
    ],
  });
  await db.run(`DROP TABLE spine_${id}; DROP TABLE hourly_${id}; DROP TABLE daily_${id};`);
  const ids = ['hourly__row_id', 'daily__row_id'].map((name) => {
    const vector = table.getChild(name);
    return Array.from({ length: table.numRows }, (_, i) => {
      const v = vector?.get(i) as bigint | null;
      return v === null ? null : Number(v);
    });
  });
  return { table, ids };
}

describe('runPointInTimeJoin properties', () => {
  it('never returns a value stamped after the spine time or at/before spine time - ttl', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const { ids } = await run(c);
        views.forEach(({ view, rows, unitUs, keys }, v) => {
          const ttlUs = parseTtl(view.ttl) * 1000;
          ids[v]?.forEach((rowId, i) => {
            if (rowId === null) return;
            const s = c.spine[i] as SpineRow;
            const row = rows(c)[rowId] as ViewRow;
            expect(s.hour).not.toBeNull();
            const t = (s.hour as number) * HOUR_US;
            const e = row.time * unitUs;
            expect(e).toBeLessThanOrEqual(t);
            expect(e).toBeGreaterThan(t - ttlUs);
            for (const k of keys) expect(row[k]).toBe(s[k]);
          });
        });
      }),
      { numRuns: 60 },
    );
  });

  it('returns exactly one row per spine row, in spine order', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const { table } = await run(c);
        expect(table.numRows).toBe(c.spine.length);
        const order = table.getChild('spine_row');
        expect(Array.from({ length: table.numRows }, (_, i) => order?.get(i))).toEqual(
          c.spine.map((_, i) => i),
        );
      }),
      { numRuns: 40 },
    );
  });

  it('equals a naive reference implementation', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const { ids } = await run(c);
        expect(ids).toEqual(reference(c));
      }),
      { numRuns: 100 },
    );
  });
});

describe('runPointInTimeJoin on Parquet files', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'fti-pit-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps spine order over many row groups and matches a correlated-subquery reference', async () => {
    const spinePath = join(dir, 'spine.parquet');
    const viewPath = join(dir, 'hourly.parquet');
    await db.run(`
      COPY (SELECT i AS spine_row, (hash(i) % 500)::BIGINT AS customer_id, 0::BIGINT AS store_id,
              TIMESTAMP '2024-01-01' + to_hours((hash(i + 1) % 2000)::BIGINT) AS ts
            FROM range(30000) r(i)) TO '${spinePath}' (FORMAT parquet, ROW_GROUP_SIZE 2048);
      COPY (SELECT (i % 500)::BIGINT AS customer_id, TIMESTAMP '2024-01-01' + to_hours((i // 500) * 3 + (i % 3)) AS event_ts,
              i::BIGINT AS row_id
            FROM range(300000) r(i)) TO '${viewPath}' (FORMAT parquet, ROW_GROUP_SIZE 10000);
    `);
    const spineRelation = `read_parquet('${spinePath}')`;
    const viewRelation = `read_parquet('${viewPath}')`;
    const table = await runPointInTimeJoin({
      connection: db.connection,
      spine: { relation: spineRelation, keys: ['customer_id', 'store_id'], timestampColumn: 'ts' },
      views: [{ view: hourly, relation: viewRelation }],
    });
    const expected = await db.query(`
      SELECT s.spine_row, (SELECT arg_max(f.row_id, f.event_ts) FROM ${viewRelation} f
        WHERE f.customer_id = s.customer_id AND f.event_ts <= s.ts AND f.event_ts > s.ts - INTERVAL 5 HOUR) AS row_id
      FROM ${spineRelation} s ORDER BY s.spine_row`);
    expect(table.numRows).toBe(30000);
    const order = table.getChild('spine_row');
    const got = table.getChild('hourly__row_id');
    let matches = 0;
    let nonNull = 0;
    for (let i = 0; i < table.numRows; i++) {
      const row = expected[i] as { spine_row: bigint; row_id: bigint | null };
      expect(order?.get(i)).toBe(BigInt(i));
      if (got?.get(i) === row.row_id) matches++;
      if (row.row_id !== null) nonNull++;
    }
    expect(matches).toBe(30000);
    // The data are built so that most spine rows find a value and some do not.
    expect(nonNull).toBeGreaterThan(10000);
    expect(nonNull).toBeLessThan(30000);
  });
});
