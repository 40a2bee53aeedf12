import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Schema } from '../iceberg/types.js';
import { DuckDb } from './duck-db.js';
import { readColumns, readDataFiles, readDataFilesToTable } from './read-data-files.js';
import { type ScanTask, scanSql } from './scan-sql.js';
import { quoteLiteral } from './sql-quote.js';
import { writeDataFiles } from './write-data-files.js';

let db: DuckDb;
let root: string;
let dirs = 0;
const stagingDir = (): string => join(root, `staging-${++dirs}`);
const unpartitioned = { specId: 0, fields: [] };

beforeAll(async () => {
  db = await DuckDb.open({ threads: 2 });
  root = await mkdtemp(join(tmpdir(), 'fti-read-'));
});
afterAll(async () => {
  db.close();
  await rm(root, { recursive: true, force: true });
});

const allTypes: Schema = {
  schemaId: 0,
  fields: [
    { id: 1, name: 'b', required: false, type: 'boolean' },
    { id: 2, name: 'i', required: false, type: 'int' },
    { id: 3, name: 'l', required: false, type: 'long' },
    { id: 4, name: 'f', required: false, type: 'float' },
    { id: 5, name: 'd', required: false, type: 'double' },
    { id: 6, name: 'dt', required: false, type: 'date' },
    { id: 7, name: 'ts', required: false, type: 'timestamp' },
    { id: 8, name: 'tz', required: false, type: 'timestamptz' },
    { id: 9, name: 's', required: false, type: 'string' },
  ],
};

const MIN_TS = -210866803200000000n; // 4714-11-24 (BC), DuckDB's smallest finite timestamp
const MAX_TS = 9223372036854775806n;
// TIMESTAMPTZ casts go through ICU, whose calendar stops earlier: years 1..9999.
const MIN_TZ = -62135596800000000n;
const MAX_TZ = 253402300799999999n;
const rowArbitrary = fc.record({
  b: fc.option(fc.boolean()),
  i: fc.option(fc.integer()),
  l: fc.option(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })),
  f: fc.option(fc.float({ noNaN: true })),
  d: fc.option(fc.double({ noNaN: true })),
  dt: fc.option(fc.integer({ min: -2_000_000, max: 2_000_000 })),
  ts: fc.option(fc.bigInt({ min: MIN_TS, max: MAX_TS })),
  tz: fc.option(fc.bigInt({ min: MIN_TZ, max: MAX_TZ })),
  s: fc.option(fc.string({ unit: 'grapheme', maxLength: 40 })),
});
type Row = typeof rowArbitrary extends fc.Arbitrary<infer R> ? R : never;

/** Rows as SQL so every value reaches DuckDB exactly (µs timestamps, days, full 64-bit longs). */
function rowsSql(rows: Row[]): string {
  const value = (v: unknown, render: (x: never) => string): string =>
    v === null ? 'NULL' : render(v as never);
  const tuples = rows.map(
    (r) =>
      `(${[
        value(r.b, (x: boolean) => quoteLiteral(x)),
        value(r.i, (x: number) => `CAST(${x} AS INTEGER)`),
        value(r.l, (x: bigint) => `CAST(${x} AS BIGINT)`),
        value(r.f, (x: number) => `${quoteLiteral(x)}::FLOAT`),
        value(r.d, (x: number) => `${quoteLiteral(x)}::DOUBLE`),
        value(r.dt, (x: number) => `(DATE '1970-01-01' + CAST(${x} AS INTEGER))`),
        value(r.ts, (x: bigint) => `make_timestamp(CAST(${x} AS BIGINT))`),
        value(r.tz, (x: bigint) => `CAST(make_timestamp(CAST(${x} AS BIGINT)) AS TIMESTAMPTZ)`),
        value(r.s, (x: string) => quoteLiteral(x)),
      ].join(', ')})`,
  );
  return `SELECT * FROM (VALUES ${tuples.join(', ')}) AS v(b, i, l, f, d, dt, ts, tz, s)`;
}

async function writeTask(
  source: Parameters<typeof writeDataFiles>[0]['source'],
  schema: Schema,
  seq = 1,
): Promise<ScanTask> {
  const { files } = await writeDataFiles({
    db,
    source,
    schema,
    spec: unpartitioned,
    stagingDir: stagingDir(),
    allowNaN: true,
  });
  const file = files[0];
  if (!file) throw new Error('no file written');
  return {
    localPath: file.localPath,
    fileUri: `file://${file.localPath}`,
    dataSequenceNumber: seq,
    deletes: [],
  };
}

describe('readDataFiles', () => {
  test('write → read is identity for every type, nulls and extremes included', async () => {
    const edges: Row = {
      b: true,
      i: -(2 ** 31),
      l: -(2n ** 63n),
      f: -3.4028234663852886e38,
      d: -Number.MAX_VALUE,
      dt: -2_000_000,
      ts: MIN_TS,
      tz: MAX_TZ,
      s: '',
    };
    const edges2: Row = {
      b: false,
      i: 2 ** 31 - 1,
      l: 2n ** 63n - 1n,
      f: 1.401298464324817e-45,
      d: Number.MIN_VALUE,
      dt: 2_000_000,
      ts: MAX_TS,
      tz: MIN_TZ,
      s: 'ünïcødé 😀 "q" \'a\'',
    };
    await fc.assert(
      fc.asyncProperty(fc.array(rowArbitrary, { minLength: 1, maxLength: 30 }), async (generated) => {
        const rows = [edges, edges2, ...generated];
        const task = await writeTask({ kind: 'sql', sql: rowsSql(rows) }, allTypes);
        const columns = await readColumns({ db, tasks: [task], schema: allTypes });
        expect(columns.rowCount).toBe(rows.length);
        for (const field of allTypes.fields) {
          const key = field.name as keyof Row;
          const values = columns.values[key] as ArrayLike<unknown>;
          const validity = columns.validity[key];
          const read = rows.map((_, j) =>
            validity && !((validity[j >> 3] as number) & (1 << (j & 7))) ? null : values[j],
          );
          const expected = rows.map((r) => (key === 'f' && r.f !== null ? Math.fround(r.f) : r[key]));
          expect(read, key).toEqual(expected);
        }
        const table = await readDataFilesToTable({ db, tasks: [task], schema: allTypes });
        expect(table.numRows).toBe(rows.length);
        expect(table.getChild('l')?.toArray()).toEqual(columns.values.l);
        expect(table.getChild('ts')?.toArray()).toEqual(columns.values.ts);
        expect([...(table.getChild('s') ?? [])]).toEqual(rows.map((r) => r.s));
        expect([...(table.getChild('b') ?? [])]).toEqual(rows.map((r) => r.b));
      }),
      { numRuns: 15 },
    );
  });

  test('Arrow types follow the Iceberg types', async () => {
    const task = await writeTask(
      { kind: 'sql', sql: rowsSql([{ b: true, i: 1, l: 1n, f: 1, d: 1, dt: 1, ts: 1n, tz: 1n, s: 'x' }]) },
      allTypes,
    );
    const table = await readDataFilesToTable({ db, tasks: [task], schema: allTypes });
    expect(table.schema.fields.map((f) => String(f.type))).toEqual([
      'Bool',
      'Int32',
      'Int64',
      'Float32',
      'Float64',
      'Date32<DAY>',
      'Timestamp<MICROSECOND>',
      'Timestamp<MICROSECOND, UTC>',
      'Utf8',
    ]);
  });

  test('reads old files by field id after a rename and an added column', async () => {
    const v1: Schema = {
      schemaId: 0,
      fields: [
        { id: 1, name: 'id', required: true, type: 'long' },
        { id: 2, name: 'name', required: false, type: 'string' },
      ],
    };
    const v2: Schema = {
      schemaId: 1,
      fields: [
        { id: 1, name: 'id', required: true, type: 'long' },
        { id: 2, name: 'full_name', required: false, type: 'string' },
        { id: 3, name: 'score', required: false, type: 'double' },
      ],
    };
    const old = await writeTask(
      {
        kind: 'rows',
        rows: [
          { id: 1n, name: 'ann' },
          { id: 2n, name: 'bob' },
        ],
      },
      v1,
      1,
    );
    const recent = await writeTask({ kind: 'rows', rows: [{ id: 3n, full_name: 'cy', score: 0.5 }] }, v2, 2);
    const table = await readDataFilesToTable({ db, tasks: [old, recent], schema: v2 });
    const rows = table.toArray().map((r) => r.toJSON());
    expect(rows.sort((a, b) => Number(a.id) - Number(b.id))).toEqual([
      { id: 1n, full_name: 'ann', score: null },
      { id: 2n, full_name: 'bob', score: null },
      { id: 3n, full_name: 'cy', score: 0.5 },
    ]);
  });

  test('applies position and equality deletes by sequence number, then the filter', async () => {
    const schema: Schema = {
      schemaId: 0,
      fields: [
        { id: 1, name: 'id', required: true, type: 'long' },
        { id: 2, name: 'tag', required: false, type: 'string' },
      ],
    };
    const rows = Array.from({ length: 10 }, (_, i) => ({
      id: BigInt(i),
      tag: i % 2 ? 'odd' : i === 4 ? null : 'even',
    }));
    const data = await writeTask({ kind: 'rows', rows }, schema, 1);
    const posPath = join(root, 'pos-deletes.parquet');
    await db.run(
      `COPY (SELECT * FROM (VALUES (${quoteLiteral(data.fileUri)}, 0::BIGINT), (${quoteLiteral(data.fileUri)}, 3::BIGINT), ('file:///elsewhere.parquet', 5::BIGINT)) AS t(file_path, pos))
       TO ${quoteLiteral(posPath)} (FORMAT parquet, FIELD_IDS {file_path: 2147483546, pos: 2147483545})`,
    );
    const eqPath = join(root, 'eq-deletes.parquet');
    await db.run(
      `COPY (SELECT * FROM (VALUES (7::BIGINT), (8::BIGINT)) AS t(x)) TO ${quoteLiteral(eqPath)} (FORMAT parquet, FIELD_IDS {x: 1})`,
    );
    const eqNullPath = join(root, 'eq-null-deletes.parquet');
    await db.run(
      `COPY (SELECT NULL::VARCHAR AS t) TO ${quoteLiteral(eqNullPath)} (FORMAT parquet, FIELD_IDS {t: 2})`,
    );
    const staleEqPath = join(root, 'eq-stale-deletes.parquet');
    await db.run(
      `COPY (SELECT 9::BIGINT AS x) TO ${quoteLiteral(staleEqPath)} (FORMAT parquet, FIELD_IDS {x: 1})`,
    );
    const task: ScanTask = {
      ...data,
      deletes: [
        { localPath: posPath, content: 1, sequenceNumber: 1 },
        { localPath: eqPath, content: 2, equalityIds: [1], sequenceNumber: 2 },
        { localPath: eqNullPath, content: 2, equalityIds: [2], sequenceNumber: 3 },
        // Same sequence number as the data: an equality delete must not apply.
        { localPath: staleEqPath, content: 2, equalityIds: [1], sequenceNumber: 1 },
      ],
    };
    const ids = async (filter?: Parameters<typeof readColumns>[0]['filter']) => {
      const result = await readColumns({ db, tasks: [task], schema, columns: ['id'], filter });
      return [...(result.values.id as BigInt64Array)].map(Number).sort((a, b) => a - b);
    };
    expect(await ids()).toEqual([1, 2, 5, 6, 9]);
    expect(await ids({ column: 'tag', op: '=', value: 'odd' })).toEqual([1, 5, 9]);
    const rows2 = await db.query(
      `SELECT count(*)::INTEGER AS n, sum(id)::INTEGER AS s FROM ${scanSql({ tasks: [task], schema })} AS t`,
    );
    expect(rows2).toEqual([{ n: 5, s: 23 }]);
  });

  test('streams bounded batches', async () => {
    const schema: Schema = {
      schemaId: 0,
      fields: [
        { id: 1, name: 'x', required: true, type: 'long' },
        { id: 2, name: 's', required: false, type: 'string' },
      ],
    };
    const task = await writeTask(
      {
        kind: 'sql',
        sql: `SELECT i AS x, CASE WHEN i % 3 = 0 THEN NULL ELSE 'value number ' || i END AS s FROM range(50000) t(i)`,
      },
      schema,
    );
    const sizes: number[] = [];
    let sum = 0n;
    let nulls = 0;
    for await (const batch of readDataFiles({ db, tasks: [task, task], schema, batchRows: 10_000 })) {
      sizes.push(batch.numRows);
      const x = batch.getChild('x')?.data[0]?.values as BigInt64Array;
      const s = batch.getChild('s');
      for (let i = 0; i < batch.numRows; i++) {
        sum += x[i] as bigint;
        expect(s?.get(i)).toBe((x[i] as bigint) % 3n === 0n ? null : `value number ${x[i]}`);
      }
      nulls += s?.nullCount ?? 0;
    }
    expect(nulls).toBe(2 * Math.ceil(50_000 / 3));
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(100_000);
    expect(Math.max(...sizes)).toBeLessThan(10_000 + 2048);
    expect(sum).toBe(2n * ((49_999n * 50_000n) / 2n));
  });

  test('an empty scan has the schema and no rows', async () => {
    const table = await readDataFilesToTable({ db, tasks: [], schema: allTypes, columns: ['l', 's'] });
    expect(table.numRows).toBe(0);
    expect(table.schema.fields.map((f) => f.name)).toEqual(['l', 's']);
    expect(
      await db.query(`SELECT count(*)::INTEGER AS n FROM ${scanSql({ tasks: [], schema: allTypes })} AS t`),
    ).toEqual([{ n: 0 }]);
  });
});
