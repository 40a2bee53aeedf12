import * as fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DuckDb } from './duck-db.js';
import { StringArrayBuilder } from './string-array-builder.js';

let db: DuckDb;
beforeAll(async () => {
  db = await DuckDb.open({ threads: 1 });
});
afterAll(() => db.close());

/** Reads `values` back through DuckDB VARCHAR vectors (several chunks) into a StringArrayBuilder. */
async function roundTrip(values: (string | null)[]): Promise<(string | null)[]> {
  await db.run('CREATE OR REPLACE TABLE strings (i INTEGER, s VARCHAR)');
  const appender = await db.connection.createAppender('strings');
  values.forEach((value, i) => {
    appender.appendInteger(i);
    if (value === null) appender.appendNull();
    else appender.appendVarchar(value);
    appender.endRow();
  });
  appender.flushSync();
  appender.closeSync();
  const builder = new StringArrayBuilder();
  const stream = await db.streamChunks('SELECT s FROM strings ORDER BY i');
  for await (const chunk of stream.chunks) builder.append(chunk.getColumnVector(0), chunk.rowCount);
  const { values: read, validity } = builder.finish();
  // The validity bitmap agrees with the nulls in the values (and is absent when there are none).
  if (values.includes(null)) {
    expect(validity).toBeDefined();
    read.forEach((v, i) => {
      expect(((validity![i >> 3] as number) >> (i & 7)) & 1).toBe(v === null ? 0 : 1);
    });
  } else {
    expect(validity).toBeUndefined();
  }
  return read;
}

test('reads repeated short, long, empty, unicode and null strings across chunks exactly', async () => {
  const pool = ['card', 'cash', '', 'wallet', 'exactly12byt', 'thirteen char', 'ünï', '😀😀😀', null];
  const values = Array.from({ length: 7000 }, (_, i) => pool[(i * 7) % pool.length] ?? null);
  values[4096] = 'a long string that is not inlined by DuckDB';
  expect(await roundTrip(values)).toEqual(values);
});

test('write → read is identity for arbitrary strings (property)', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(
        fc.option(fc.oneof(fc.string({ maxLength: 14 }), fc.constantFrom('a', 'b', 'ab')), { nil: null }),
        {
          minLength: 1,
          maxLength: 3000,
        },
      ),
      async (values) => {
        expect(await roundTrip(values)).toEqual(values);
      },
    ),
    { numRuns: 20 },
  );
});

test('equal bytes decode to the same string; different strings never share a cache entry', async () => {
  // Many distinct inline strings force cache collisions: each must still read as itself.
  const values = Array.from({ length: 20_000 }, (_, i) => `k${i % 9000}`);
  const read = await roundTrip(values);
  expect(read).toEqual(values);
  expect(new Set(read).size).toBe(9000);
});
