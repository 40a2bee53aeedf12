import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as arrow from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { InvalidInputError } from '../errors.js';
import type { PartitionSpec, Schema } from '../iceberg/types.js';
import { DuckDb } from './duck-db.js';
import { quoteLiteral } from './sql-quote.js';
import { type WriteDataFilesOptions, writeDataFiles } from './write-data-files.js';

const schema: Schema = {
  schemaId: 0,
  fields: [
    { id: 1, name: 'customer_id', required: true, type: 'long' },
    { id: 2, name: 'ts', required: true, type: 'timestamp' },
    { id: 3, name: 'amount', required: false, type: 'double' },
    { id: 4, name: 'category', required: false, type: 'string' },
    { id: 5, name: 'day', required: false, type: 'date' },
    { id: 6, name: 'tz', required: false, type: 'timestamptz' },
    { id: 7, name: 'qty', required: false, type: 'int' },
    { id: 8, name: 'flag', required: false, type: 'boolean' },
    { id: 9, name: 'ratio', required: false, type: 'float' },
  ],
};
const unpartitioned: PartitionSpec = { specId: 0, fields: [] };
const byMonth: PartitionSpec = {
  specId: 1,
  fields: [{ sourceId: 2, fieldId: 1000, name: 'ts_month', transform: 'month' }],
};

let db: DuckDb;
let root: string;
let dirs = 0;
const stagingDir = (): string => join(root, `staging-${++dirs}`);

beforeAll(async () => {
  db = await DuckDb.open({ threads: 2 });
  root = await mkdtemp(join(tmpdir(), 'fti-write-'));
  await db.run(`CREATE TABLE tx AS SELECT
      (i % 50)::BIGINT AS customer_id,
      TIMESTAMP '2023-11-15 00:00:00' + to_microseconds(i * 3600000000::BIGINT * 7) AS ts,
      CASE WHEN i % 10 = 0 THEN NULL ELSE round(i * 1.25, 2) END AS amount,
      ['food', 'travel', NULL, 'tech'][1 + i % 4] AS category,
      (DATE '2024-01-01' + (i % 40)::INTEGER) AS day,
      TIMESTAMPTZ '2024-01-01 00:00:00+00' + to_microseconds(i::BIGINT * 1000) AS tz,
      (i % 1000 - 500)::INTEGER AS qty,
      i % 3 = 0 AS flag,
      (i / 8)::FLOAT AS ratio
    FROM range(1000) t(i)`);
});
afterAll(async () => {
  db.close();
  await rm(root, { recursive: true, force: true });
});

const sqlSource = { kind: 'sql' as const, sql: 'SELECT * FROM tx' };

describe('writeDataFiles', () => {
  test('writes Iceberg field ids and Parquet types', async () => {
    const { files } = await writeDataFiles({
      db,
      source: sqlSource,
      schema,
      spec: unpartitioned,
      stagingDir: stagingDir(),
    });
    expect(files).toHaveLength(1);
    const columns = await db.query(
      `SELECT name, field_id, type, logical_type, converted_type FROM parquet_schema(${quoteLiteral(files[0]?.localPath ?? '')}) WHERE field_id IS NOT NULL ORDER BY field_id`,
    );
    expect(columns.map((c) => [c.name, Number(c.field_id), c.type])).toEqual([
      ['customer_id', 1, 'INT64'],
      ['ts', 2, 'INT64'],
      ['amount', 3, 'DOUBLE'],
      ['category', 4, 'BYTE_ARRAY'],
      ['day', 5, 'INT32'],
      ['tz', 6, 'INT64'],
      ['qty', 7, 'INT32'],
      ['flag', 8, 'BOOLEAN'],
      ['ratio', 9, 'FLOAT'],
    ]);
    const byName = new Map(columns.map((c) => [c.name, c]));
    expect(String(byName.get('ts')?.logical_type)).toMatch(/isAdjustedToUTC=0.*MICROS=MicroSeconds/);
    expect(String(byName.get('tz')?.logical_type)).toMatch(/isAdjustedToUTC=1.*MICROS=MicroSeconds/);
    expect(byName.get('day')?.converted_type).toBe('DATE');
    expect(byName.get('category')?.converted_type).toBe('UTF8');
  });

  test('writes the codec asked for, and plain (no dictionary) pages when dictionary is false', async () => {
    const encodings = async (options: Pick<WriteDataFilesOptions, 'compression' | 'dictionary'>) => {
      const where = { stagingDir: stagingDir(), spec: unpartitioned };
      const { files } = await writeDataFiles({ ...where, ...options, db, schema, source: sqlSource });
      const path = quoteLiteral(files[0]?.localPath ?? '');
      const rows = await db.query(
        `SELECT DISTINCT compression, encodings LIKE '%DICTIONARY%' AS dictionary FROM parquet_metadata(${path}) WHERE path_in_schema = 'category'`,
      );
      const [read] = await db.query(`SELECT count(*) AS n, sum(amount) AS s FROM read_parquet(${path})`);
      return { ...rows[0], rows: Number(read?.n), amount: Number(read?.s) };
    };
    const plain = await encodings({ compression: 'snappy', dictionary: false });
    const zstd = await encodings({});
    expect(plain).toMatchObject({ compression: 'SNAPPY', dictionary: false, rows: 1000 });
    expect(zstd).toMatchObject({ compression: 'ZSTD', dictionary: true, rows: 1000 });
    expect(plain.amount).toBe(zstd.amount);
  });

  test('splits one file per month with the Iceberg month ordinal', async () => {
    const { files, recordCount } = await writeDataFiles({
      db,
      source: sqlSource,
      schema,
      spec: byMonth,
      stagingDir: stagingDir(),
    });
    expect(recordCount).toBe(1000);
    const expected = await db.query(
      `SELECT ((year(ts) - 1970) * 12 + month(ts) - 1)::INTEGER AS m, count(*)::INTEGER AS n FROM tx GROUP BY 1 ORDER BY 1`,
    );
    const actual = files
      .map((f) => ({ m: f.partition.ts_month, n: f.recordCount }))
      .sort((a, b) => Number(a.m) - Number(b.m));
    expect(actual).toEqual(expected);
    expect(actual[0]?.m).toBe((2023 - 1970) * 12 + 10);
    for (const file of files) {
      const [row] = await db.query(
        `SELECT count(DISTINCT (year(ts) - 1970) * 12 + month(ts) - 1)::INTEGER AS months, min((year(ts) - 1970) * 12 + month(ts) - 1)::INTEGER AS m FROM read_parquet(${quoteLiteral(file.localPath)})`,
      );
      expect(row).toEqual({ months: 1, m: file.partition.ts_month });
    }
  });

  test('splits by day (days since epoch) and by identity', async () => {
    const spec: PartitionSpec = {
      specId: 2,
      fields: [
        { sourceId: 5, fieldId: 1000, name: 'day_day', transform: 'day' },
        { sourceId: 4, fieldId: 1001, name: 'category', transform: 'identity' },
      ],
    };
    const { files } = await writeDataFiles({ db, source: sqlSource, schema, spec, stagingDir: stagingDir() });
    const expected = await db.query(
      `SELECT (day - DATE '1970-01-01')::INTEGER AS d, category AS c, count(*)::INTEGER AS n FROM tx GROUP BY ALL ORDER BY ALL`,
    );
    const actual = files
      .map((f) => ({ d: f.partition.day_day, c: f.partition.category, n: f.recordCount }))
      .sort((a, b) => Number(a.d) - Number(b.d) || String(a.c ?? '~').localeCompare(String(b.c ?? '~')));
    expect(actual).toEqual(
      expected
        .map((e) => ({ ...e }))
        .sort((a, b) => Number(a.d) - Number(b.d) || String(a.c ?? '~').localeCompare(String(b.c ?? '~'))),
    );
    expect(actual.some((a) => a.c === null)).toBe(true);
    expect(actual[0]?.d).toBe(19723); // 2024-01-01
  });

  test('stats equal aggregates computed over each file', async () => {
    const { files } = await writeDataFiles({
      db,
      source: sqlSource,
      schema,
      spec: byMonth,
      stagingDir: stagingDir(),
    });
    for (const file of files) {
      expect(file.fileSizeInBytes).toBe((await stat(file.localPath)).size);
      const path = quoteLiteral(file.localPath);
      const [agg] = await db.query(`SELECT count(*)::INTEGER AS n,
          count(*) FILTER (WHERE amount IS NULL)::INTEGER AS amount_nulls,
          count(*) FILTER (WHERE category IS NULL)::INTEGER AS category_nulls,
          min(customer_id) AS min_id, max(customer_id) AS max_id,
          epoch_us(min(ts)) AS min_ts, epoch_us(max(ts)) AS max_ts,
          min(amount) AS min_amount, max(amount) AS max_amount,
          min(category) AS min_category, max(category) AS max_category,
          (min(day) - DATE '1970-01-01')::INTEGER AS min_day, epoch_us(max(tz)) AS max_tz,
          min(qty) AS min_qty, bool_or(flag) AS any_flag, max(ratio) AS max_ratio
        FROM read_parquet(${path})`);
      if (!agg) throw new Error('no aggregate row');
      expect(file.recordCount).toBe(agg.n);
      expect(file.valueCounts.get(3)).toBe(agg.n);
      expect(file.nullValueCounts.get(3)).toBe(agg.amount_nulls);
      expect(file.nullValueCounts.get(4)).toBe(agg.category_nulls);
      expect(file.nanValueCounts.get(3)).toBe(0);
      expect(file.nanValueCounts.has(1)).toBe(false);
      const long = (m: Map<number, Uint8Array>, id: number) => view(m, id).getBigInt64(0, true);
      expect(long(file.lowerBounds, 1)).toBe(agg.min_id);
      expect(long(file.upperBounds, 1)).toBe(agg.max_id);
      expect(long(file.lowerBounds, 2)).toBe(agg.min_ts);
      expect(long(file.upperBounds, 2)).toBe(agg.max_ts);
      expect(long(file.upperBounds, 6)).toBe(agg.max_tz);
      if (agg.min_amount !== null) {
        expect(view(file.lowerBounds, 3).getFloat64(0, true)).toBe(agg.min_amount);
        expect(view(file.upperBounds, 3).getFloat64(0, true)).toBe(agg.max_amount);
      }
      expect(new TextDecoder().decode(file.lowerBounds.get(4))).toBe(agg.min_category);
      expect(new TextDecoder().decode(file.upperBounds.get(4))).toBe(agg.max_category);
      expect(view(file.lowerBounds, 5).getInt32(0, true)).toBe(agg.min_day);
      expect(view(file.lowerBounds, 7).getInt32(0, true)).toBe(agg.min_qty);
      expect(file.upperBounds.get(8)).toEqual(Uint8Array.of(agg.any_flag ? 1 : 0));
      expect(view(file.upperBounds, 9).getFloat32(0, true)).toBe(agg.max_ratio);
      const [sizes] = await db.query(
        `SELECT sum(total_compressed_size)::INTEGER AS s FROM parquet_metadata(${path}) WHERE path_in_schema = 'ts'`,
      );
      expect(file.columnSizes.get(2)).toBe(sizes?.s);
    }
  });

  test('reads Arrow tables: ints, dictionary strings, ms timestamps, nulls', async () => {
    const n = 5000;
    const ids = BigInt64Array.from({ length: n }, (_, i) => BigInt(i * 3));
    const table = new arrow.Table({
      customer_id: arrow.makeVector(ids),
      ts: arrow.vectorFromArray(
        Array.from({ length: n }, (_, i) => new Date(Date.UTC(2024, 0, 1) + i * 60_000)),
        new arrow.TimestampMillisecond(),
      ),
      amount: arrow.vectorFromArray(
        Array.from({ length: n }, (_, i) => (i % 7 === 0 ? null : i / 4)),
        new arrow.Float64(),
      ),
      category: arrow.vectorFromArray(
        Array.from({ length: n }, (_, i) => (i % 5 === 0 ? null : `cat-${i % 3}`)),
        new arrow.Dictionary(new arrow.Utf8(), new arrow.Int32()),
      ),
      qty: arrow.vectorFromArray(
        Array.from({ length: n }, (_, i) => i - 2500),
        new arrow.Int32(),
      ),
    });
    const { files, recordCount } = await writeDataFiles({
      db,
      source: { kind: 'arrow', table },
      schema,
      spec: unpartitioned,
      stagingDir: stagingDir(),
    });
    expect(recordCount).toBe(n);
    const [agg] = await db.query(`SELECT sum(customer_id)::BIGINT AS ids, count(amount)::INTEGER AS amounts,
        count(category)::INTEGER AS cats, count(DISTINCT category)::INTEGER AS distinct_cats,
        epoch_us(max(ts)) AS max_ts, sum(qty)::BIGINT AS qty, sum(amount) AS amount
      FROM read_parquet(${quoteLiteral(files[0]?.localPath ?? '')})`);
    expect(agg).toEqual({
      ids: ids.reduce((a, b) => a + b, 0n),
      amounts: n - Math.ceil(n / 7),
      cats: n - n / 5,
      distinct_cats: 3,
      max_ts: BigInt(Date.UTC(2024, 0, 1) + (n - 1) * 60_000) * 1000n,
      qty: BigInt(Array.from({ length: n }, (_, i) => i - 2500).reduce((a, b) => a + b, 0)),
      amount: Array.from({ length: n }, (_, i) => (i % 7 === 0 ? 0 : i / 4)).reduce((a, b) => a + b, 0),
    });
  });

  test('counts NaN per file when allowNaN', async () => {
    const rows = [0, 1, 2, 3, 4].map((i) => ({
      customer_id: BigInt(i),
      ts: new Date(Date.UTC(2024, 0, 1 + i)),
      amount: i % 2 ? Number.NaN : i,
    }));
    const { files } = await writeDataFiles({
      db,
      source: { kind: 'rows', rows },
      schema,
      spec: unpartitioned,
      stagingDir: stagingDir(),
      allowNaN: true,
    });
    expect(files[0]?.nanValueCounts.get(3)).toBe(2);
    expect(view(files[0]?.upperBounds ?? new Map(), 3).getFloat64(0, true)).toBe(4);
  });

  test('targetRowsPerFile caps rows per file', async () => {
    const { files, recordCount } = await writeDataFiles({
      db,
      source: sqlSource,
      schema,
      spec: byMonth,
      stagingDir: stagingDir(),
      targetRowsPerFile: 100,
    });
    expect(recordCount).toBe(1000);
    expect(Math.max(...files.map((f) => f.recordCount))).toBeLessThanOrEqual(100);
    const months = new Set(files.map((f) => f.partition.ts_month));
    for (const file of files) expect(months.has(file.partition.ts_month)).toBe(true);
  });

  test.each([
    [500, 2],
    [300, 4],
    [4096, 10],
    [5000, 12],
  ])(
    'targetRowsPerFile %i caps rows per file of an unpartitioned table too (1000 rows × %i)',
    async (target, copies) => {
      const source = {
        kind: 'sql' as const,
        sql: `SELECT tx.* FROM tx, range(${copies})`,
      };
      const { files, recordCount } = await writeDataFiles({
        db,
        source,
        schema,
        spec: unpartitioned,
        stagingDir: stagingDir(),
        targetRowsPerFile: target,
      });
      expect(recordCount).toBe(1000 * copies);
      expect(files.reduce((sum, f) => sum + f.recordCount, 0)).toBe(1000 * copies);
      expect(Math.max(...files.map((f) => f.recordCount))).toBeLessThanOrEqual(target);
      expect(files.length).toBe(Math.ceil((1000 * copies) / target));
    },
  );
});

describe('writeDataFiles rejects bad input before writing', () => {
  const row = { customer_id: 1n, ts: new Date('2024-01-01T00:00:00Z') };
  test.each([
    ['unknown column', [{ ...row, colour: 'red' }], /column `colour` is not in the table schema/, 'colour'],
    ['missing required column', [{ customer_id: 1n }], /required column `ts` .*missing/, 'ts'],
    [
      'string where int expected',
      [
        { ...row, qty: 3 },
        { ...row, qty: 'three' },
      ],
      /`qty` has 1 value.*'three'/,
      'qty',
    ],
    ['fraction where int expected', [{ ...row, qty: 1.5 }], /`qty` has 1 value.*'1.5'/, 'qty'],
    [
      'null in required column',
      [row, { ...row, customer_id: null }],
      /required column `customer_id` has 1 null/,
      'customer_id',
    ],
    ['NaN in a double column', [{ ...row, amount: Number.NaN }], /`amount` has 1 NaN/, 'amount'],
    [
      'time of day in a date column',
      [{ ...row, day: new Date('2024-01-01T10:00:00Z') }],
      /`day` has 1 value/,
      'day',
    ],
  ])('%s', async (_, rows, message, column) => {
    const dir = stagingDir();
    const write = writeDataFiles({
      db,
      source: { kind: 'rows', rows },
      schema,
      spec: byMonth,
      stagingDir: dir,
    });
    await expect(write).rejects.toThrow(InvalidInputError);
    await expect(write).rejects.toThrow(message);
    await expect(write).rejects.toMatchObject({ column });
    expect(await readdir(dir)).toEqual([]);
  });

  test('an all-null double column (no NaN stat from the writer) still writes, checked the slow way', async () => {
    const result = await writeDataFiles({
      db,
      source: {
        kind: 'sql',
        sql: "SELECT 7::BIGINT AS customer_id, TIMESTAMP '2024-02-03' AS ts, NULL::DOUBLE AS amount",
      },
      schema,
      spec: byMonth,
      stagingDir: stagingDir(),
    });
    expect(result.recordCount).toBe(1);
    expect(result.files).toHaveLength(1);
    expect(result.files[0]?.nullValueCounts.get(3)).toBe(1);
    expect(result.files[0]?.nanValueCounts.get(3)).toBe(0);
  });

  test('a non-empty staging folder is refused', async () => {
    const dir = stagingDir();
    await writeDataFiles({
      db,
      source: { kind: 'rows', rows: [row] },
      schema,
      spec: unpartitioned,
      stagingDir: dir,
    });
    await expect(
      writeDataFiles({
        db,
        source: { kind: 'rows', rows: [row] },
        schema,
        spec: unpartitioned,
        stagingDir: dir,
      }),
    ).rejects.toThrow(/not empty/);
  });
});

function view(map: Map<number, Uint8Array>, id: number): DataView {
  const bytes = map.get(id);
  if (!bytes) throw new Error(`no bound for field ${id}`);
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
