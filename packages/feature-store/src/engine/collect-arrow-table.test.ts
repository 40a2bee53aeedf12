import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { collectArrowTable } from './collect-arrow-table.js';
import { DuckDb } from './duck-db.js';

let db: DuckDb;
beforeAll(async () => {
  db = await DuckDb.open({ threads: 2 });
});
afterAll(() => db.close());

describe('collectArrowTable', () => {
  it('keeps values and nulls across chunks, including a first null after the first chunk', async () => {
    const rows = 5000;
    const table = await collectArrowTable(
      db.connection,
      `SELECT i::INTEGER AS i,
         CASE WHEN i % 7 = 0 THEN NULL ELSE i * 2 END::BIGINT AS every7,
         CASE WHEN i = 4000 THEN NULL ELSE i / 4 END::DOUBLE AS late_null,
         CASE WHEN i % 3 = 0 THEN NULL ELSE 'v' || i END AS label,
         CASE WHEN i % 5 = 0 THEN NULL ELSE i % 2 = 0 END AS flag,
         CASE WHEN i % 11 = 0 THEN NULL ELSE repeat('é', i % 20) || i END AS long_text
       FROM range(${rows}) r(i) ORDER BY i`,
    );
    expect(table.numRows).toBe(rows);
    const get = (name: string, i: number) => table.getChild(name)?.get(i);
    let nulls7 = 0;
    for (let i = 0; i < rows; i++) {
      expect(get('i', i)).toBe(i);
      expect(get('every7', i)).toBe(i % 7 === 0 ? null : BigInt(i * 2));
      if (get('every7', i) === null) nulls7++;
      expect(get('late_null', i)).toBe(i === 4000 ? null : i / 4);
      expect(get('label', i)).toBe(i % 3 === 0 ? null : `v${i}`);
      expect(get('flag', i)).toBe(i % 5 === 0 ? null : i % 2 === 0);
      // Up to 12 UTF-8 bytes DuckDB stores a string inline, longer ones behind a pointer: both paths.
      expect(get('long_text', i)).toBe(i % 11 === 0 ? null : `${'é'.repeat(i % 20)}${i}`);
    }
    expect(nulls7).toBe(Math.ceil(rows / 7));
    expect(table.getChild('every7')?.nullCount).toBe(nulls7);
    expect(table.getChild('late_null')?.nullCount).toBe(1);
  });

  it('maps dates, timestamps and TIMESTAMPTZ to Arrow day and microsecond types', async () => {
    const table = await collectArrowTable(
      db.connection,
      `SELECT DATE '2024-01-02' AS d, TIMESTAMP '2024-01-02 03:04:05.000006' AS ts,
         TIMESTAMPTZ '2024-01-02 03:04:05+01' AS tz, 1.5::FLOAT AS f, 7::UTINYINT AS u`,
    );
    expect(table.schema.fields.map((f) => String(f.type))).toEqual([
      'Date32<DAY>',
      'Timestamp<MICROSECOND>',
      'Timestamp<MICROSECOND, UTC>',
      'Float32',
      'Uint8',
    ]);
    const day = Date.UTC(2024, 0, 2);
    expect(table.getChild('d')?.get(0)).toBe(day);
    expect(table.getChild('ts')?.data[0]?.values[0]).toBe(
      BigInt(day + 3 * 3_600_000 + 4 * 60_000 + 5000) * 1000n + 6n,
    );
    expect(table.getChild('tz')?.data[0]?.values[0]).toBe(
      BigInt(day + 2 * 3_600_000 + 4 * 60_000 + 5000) * 1000n,
    );
    expect(table.getChild('f')?.get(0)).toBe(1.5);
    expect(table.getChild('u')?.get(0)).toBe(7);
  });

  it('returns an empty table with the result schema when no row matches', async () => {
    const table = await collectArrowTable(db.connection, 'SELECT 1::BIGINT AS a, 2::DOUBLE AS b WHERE false');
    expect(table.numRows).toBe(0);
    expect(table.schema.fields.map((f) => f.name)).toEqual(['a', 'b']);
  });

  it('rejects a column type it cannot convert, naming the column', async () => {
    await expect(collectArrowTable(db.connection, 'SELECT [1, 2] AS xs')).rejects.toThrow(InvalidInputError);
    await expect(collectArrowTable(db.connection, 'SELECT [1, 2] AS xs')).rejects.toThrow(
      /column `xs` has DuckDB type LIST/,
    );
  });
});
