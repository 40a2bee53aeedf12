import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  appendData,
  type ColumnArrays,
  createTable,
  quoteLiteral,
  readTable,
  readTableColumns,
} from '../src/index.js';
import { useTempWarehouse } from '../src/testing/temp-warehouse.js';

// Write → read is identity for every writable type through the table API (createTable, appendData,
// readTableColumns): values compared exactly (µs timestamps, float bits, -0, bytes), nulls by position.

let tableCount = 0;

const warehouse = useTempWarehouse('fti-table-round-trip-', { now: () => 1_700_000_000_000 });

const MIN_DAY = -719_162; // 0001-01-01
const MAX_DAY = 2_932_896; // 9999-12-31
const MIN_US = -62_135_596_800_000_000n; // 0001-01-01T00:00:00Z
const MAX_US = 253_402_300_799_999_999n; // 9999-12-31T23:59:59.999999Z

interface Row {
  id: number;
  b: boolean | null;
  i: number | null;
  l: bigint | null;
  f: number | null;
  d: number | null;
  day: number | null;
  ts: bigint | null;
  tstz: bigint | null;
  s: string | null;
  bin: Uint8Array | null;
  u: string | null;
}

const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 4 });
const finiteDouble = fc.double({ noNaN: true, noDefaultInfinity: true });
const rowArb = (id: number): fc.Arbitrary<Row> =>
  fc.record({
    id: fc.constant(id),
    b: nullable(fc.boolean()),
    i: nullable(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })),
    l: nullable(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })),
    f: nullable(fc.float({ noNaN: true, noDefaultInfinity: true })),
    d: nullable(fc.oneof(finiteDouble, fc.constantFrom(-0, Number.MAX_VALUE, -Number.MAX_VALUE, 5e-324))),
    day: nullable(fc.integer({ min: MIN_DAY, max: MAX_DAY })),
    ts: nullable(fc.bigInt({ min: MIN_US, max: MAX_US })),
    tstz: nullable(fc.bigInt({ min: MIN_US, max: MAX_US })),
    s: nullable(fc.string({ unit: 'grapheme', maxLength: 12 })),
    bin: nullable(fc.uint8Array({ maxLength: 8 })),
    u: nullable(fc.uuid()),
  });
const rowsArb = fc.integer({ min: 1, max: 12 }).chain((n) => fc.tuple(...[...Array(n).keys()].map(rowArb)));

const COLUMNS = [
  { name: 'id', type: 'int', required: true },
  { name: 'b', type: 'boolean' },
  { name: 'i', type: 'int' },
  { name: 'l', type: 'long' },
  { name: 'f', type: 'float' },
  { name: 'd', type: 'double' },
  { name: 'day', type: 'date' },
  { name: 'ts', type: 'timestamp' },
  { name: 'tstz', type: 'timestamptz' },
  { name: 's', type: 'string' },
  { name: 'bin', type: 'binary' },
  { name: 'u', type: 'uuid' },
] as const;

/** Exact SQL literals: doubles by their shortest round-tripping decimal, floats through FLOAT. */
function sqlOf(row: Row): string {
  const lit = <T>(v: T | null, f: (v: T) => string) => (v === null ? 'NULL' : f(v));
  const num = (v: number) => (Object.is(v, -0) ? '-0.0' : String(v));
  return `(${[
    `${row.id}::INTEGER`,
    `${lit(row.b, String)}::BOOLEAN`,
    `${lit(row.i, String)}::INTEGER`,
    `${lit(row.l, (v) => quoteLiteral(String(v)))}::BIGINT`,
    `${lit(row.f, (v) => quoteLiteral(num(v)))}::FLOAT`,
    `${lit(row.d, (v) => quoteLiteral(num(v)))}::DOUBLE`,
    lit(row.day, (v) => `(DATE '1970-01-01' + ${v}::INTEGER)`),
    `${lit(row.ts, (v) => `make_timestamp(${v}::BIGINT)`)}::TIMESTAMP`,
    `${lit(row.tstz, (v) => `make_timestamp(${v}::BIGINT)::TIMESTAMPTZ`)}::TIMESTAMPTZ`,
    `${lit(row.s, quoteLiteral)}::VARCHAR`,
    `${lit(row.bin, (v) => `from_hex(${quoteLiteral(Buffer.from(v).toString('hex'))})`)}::BLOB`,
    `${lit(row.u, quoteLiteral)}::UUID`,
  ].join(', ')})`;
}

function valueAt(read: ColumnArrays, column: string, index: number): unknown {
  const validity = read.validity[column];
  if (validity && ((validity[index >> 3] ?? 0) & (1 << (index & 7))) === 0) return null;
  const value = (read.values[column] as ArrayLike<unknown>)[index];
  return value === undefined ? null : value;
}

function expected(row: Row, column: keyof Row): unknown {
  const v = row[column];
  if (v === null) return null;
  if (column === 'f') return Math.fround(v as number);
  if (column === 'bin') return Buffer.from(v as Uint8Array).toString('hex');
  return v;
}

describe('write → read identity through the table API', () => {
  it.each([
    ['unpartitioned', []],
    ['partitioned by month(day), null and pre-1970 months included', [{ column: 'day', transform: 'month' }]],
  ] as const)('holds for every writable type, nulls and extremes included: %s', async (_label, partition) => {
    await fc.assert(
      fc.asyncProperty(rowsArb, async (rows) => {
        tableCount += 1;
        let table = await createTable(warehouse.env, {
          namespace: 'rt',
          name: `t${tableCount}`,
          columns: [...COLUMNS],
          partition: [...partition],
        });
        table = await appendData(table, {
          kind: 'sql',
          sql: `SELECT * FROM (VALUES ${rows.map(sqlOf).join(', ')}) AS v(${COLUMNS.map((c) => c.name).join(', ')})`,
        });
        const read = await readTableColumns(table);
        expect(read.rowCount).toBe(rows.length);
        const ids = read.values.id as Int32Array;
        for (let r = 0; r < read.rowCount; r++) {
          const row = rows[ids[r] as number] as Row;
          for (const { name } of COLUMNS) {
            let got = valueAt(read, name, r);
            if (name === 'bin' && got !== null) got = Buffer.from(got as Uint8Array).toString('hex');
            if (name === 'f' || name === 'd')
              expect(Object.is(got, expected(row, name)), `${name} ${got}`).toBe(true);
            else expect(got, name).toEqual(expected(row, name));
          }
        }
        expect(table.loaded.metadata.snapshots[0]?.summary['total-records']).toBe(String(rows.length));
      }),
      { numRuns: 10, seed: 20_240_601 },
    );
  });

  it('the Arrow read of the same data has the table schema, in order, nullable as declared', async () => {
    const table = await createTable(warehouse.env, {
      namespace: 'rt',
      name: 'arrow_types',
      columns: [...COLUMNS],
    });
    const read = await readTable(table);
    expect(read.schema.fields.map((f) => [f.name, String(f.type), f.nullable])).toEqual([
      ['id', 'Int32', false],
      ['b', 'Bool', true],
      ['i', 'Int32', true],
      ['l', 'Int64', true],
      ['f', 'Float32', true],
      ['d', 'Float64', true],
      ['day', 'Date32<DAY>', true],
      ['ts', 'Timestamp<MICROSECOND>', true],
      ['tstz', 'Timestamp<MICROSECOND, UTC>', true],
      ['s', 'Utf8', true],
      ['bin', 'Binary', true],
      ['u', 'Utf8', true],
    ]);
    expect(read.numRows).toBe(0);
  });
});
