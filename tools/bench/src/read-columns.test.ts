import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDb } from './open-duckdb.js';
import { readColumns } from './read-columns.js';

let connection: DuckDBConnection;
beforeAll(async () => {
  connection = await openDuckDb();
});
afterAll(() => connection.closeSync());

describe('readColumns', () => {
  it('copies fixed-width columns into typed arrays across many chunks, in order', async () => {
    const { rows, columns } = await readColumns(
      connection,
      `SELECT i AS id, i::DOUBLE * 0.5 AS half, (i % 7)::INTEGER AS small, TIMESTAMP '2024-01-01' + to_microseconds(i) AS ts
       FROM range(5000) AS r(i) ORDER BY i`,
    );
    expect(rows).toBe(5000);
    expect(columns.id).toBeInstanceOf(BigInt64Array);
    expect(columns.half).toBeInstanceOf(Float64Array);
    expect(columns.small).toBeInstanceOf(Int32Array);
    expect(columns.ts).toBeInstanceOf(BigInt64Array);
    expect(Array.from(columns.id as BigInt64Array)).toEqual(
      Array.from({ length: 5000 }, (_, i) => BigInt(i)),
    );
    expect((columns.half as Float64Array)[4999]).toBe(2499.5);
    expect((columns.small as Int32Array)[4999]).toBe(4999 % 7);
    expect((columns.ts as BigInt64Array)[3]).toBe(BigInt(Date.parse('2024-01-01T00:00:00Z')) * 1000n + 3n);
  });

  it('reads strings exactly: short and long, repeated, non-ASCII, empty and null', async () => {
    const values = [
      'fuel',
      'fuel',
      'exactly12chr',
      'a string longer than twelve bytes',
      'café',
      '',
      null,
      'fuel',
      '日本',
    ];
    const list = values.map((value) => (value === null ? 'NULL' : `'${value}'`)).join(', ');
    const { rows, columns } = await readColumns(
      connection,
      `SELECT unnest([${list}]) AS text FROM range(300) ORDER BY ALL NULLS LAST`,
    );
    expect(rows).toBe(300 * values.length);
    const expected = values
      .flatMap((value) => Array.from({ length: 300 }, () => value))
      .sort((a, b) => (a === null ? 1 : b === null ? -1 : Buffer.compare(Buffer.from(a), Buffer.from(b))));
    expect(columns.text).toEqual(expected);
  });
});
