import { DuckDb, quoteIdentifier } from '@fti/feature-store';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryCodes } from './category-codes.js';

let db: DuckDb;

beforeAll(async () => {
  db = await DuckDb.open({ threads: 1 });
});
afterAll(() => {
  db.close();
});

/** The codes `categoryCodes(column, known)` gives `inputs`, in order, computed by DuckDB over a table of them. */
async function codesOf(
  column: string,
  known: (string | null)[],
  inputs: (string | null)[],
): Promise<number[]> {
  const coded = categoryCodes(column, known);
  if (!coded) throw new Error('expected codes');
  await db.run(`CREATE OR REPLACE TABLE category_input (n INTEGER, ${quoteIdentifier(column)} VARCHAR)`);
  // Appended as parameters, not literals: input values may hold any character, NUL included.
  const appender = await db.connection.createAppender('category_input');
  inputs.forEach((value, n) => {
    appender.appendInteger(n);
    if (value === null) appender.appendNull();
    else appender.appendVarchar(value);
    appender.endRow();
  });
  appender.closeSync();
  const rows = await db.query(`SELECT ${coded.sql} FROM category_input ORDER BY n`);
  return rows.map((r) => r[column] as number);
}

describe('categoryCodes', () => {
  it('codes null as 0, the de-duplicated known values as 1..n in their order, and any other value as n + 1', async () => {
    const known = ['UK', null, 'DE', 'UK', 'FR'];
    const inputs = ['DE', null, 'UK', 'ES', 'FR', '', 'uk', 'DE ', 'UK'];
    expect(await codesOf('country', known, inputs)).toEqual([2, 0, 1, 4, 3, 4, 4, 4, 1]);
    const { values } = categoryCodes('country', known)!;
    expect(values.slice(0, 4)).toEqual([null, 'UK', 'DE', 'FR']);
    expect(values).toHaveLength(5);
    expect(known).not.toContain(values[4]);
  });

  it('gives back every known value and null through values[code], and one value outside the known list for all others', async () => {
    const known = ['UK', null, 'DE', 'FR'];
    const inputs = ['FR', null, 'DE', 'ES', 'IT', 'UK', null];
    const { values } = categoryCodes('country', known)!;
    const decoded = (await codesOf('country', known, inputs)).map((code) => values[code]);
    const unseen = values.at(-1);
    expect(decoded).toEqual(['FR', null, 'DE', unseen, unseen, 'UK', null]);
    expect(typeof unseen).toBe('string');
  });

  it('keeps the unseen value out of the known list, even when a known value is the default stand-in', async () => {
    const known = ['\u0000unseen', 'a'];
    const coded = categoryCodes('c', known)!;
    expect(coded.values.slice(0, 3)).toEqual([null, '\u0000unseen', 'a']);
    expect(known).not.toContain(coded.values[3]);
    expect(await codesOf('c', known, ['\u0000unseen', 'a', '\u0000unseen\u0000', 'b', null])).toEqual([
      1, 2, 3, 3, 0,
    ]);
  });

  it('reads values and column names holding quotes as they are', async () => {
    const known = ["O'Brien", 'say "hi"', "''"];
    const column = `owner's "name"`;
    expect(await codesOf(column, known, ["O'Brien", "''", 'say "hi"', "O''Brien", 'O'])).toEqual([
      1, 3, 2, 4, 4,
    ]);
  });

  it('codes every non-null value as 1 when nothing is known', async () => {
    expect(categoryCodes('c', [null])!.values).toHaveLength(2);
    expect(await codesOf('c', [null], ['a', null, ''])).toEqual([1, 0, 1]);
  });

  it('returns undefined past 64 distinct known values (duplicates and null do not count)', () => {
    const distinct = (n: number) => Array.from({ length: n }, (_, i) => `v${i}`);
    expect(categoryCodes('c', [...distinct(64), 'v0', null])?.values).toHaveLength(66);
    expect(categoryCodes('c', distinct(65))).toBeUndefined();
  });

  it('decodes any value to itself when known, null when null, and else to the one value outside the list', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.string({ unit: 'binary', maxLength: 6 }), { maxLength: 64 }),
        fc.array(fc.option(fc.string({ unit: 'binary', maxLength: 6 }), { nil: null }), { maxLength: 20 }),
        async (known, others) => {
          const inputs = [...known, ...others];
          const { values } = categoryCodes('c', known)!;
          const unseen = values.at(-1);
          expect(known).not.toContain(unseen);
          const decoded = (await codesOf('c', known, inputs)).map((code) => values[code]);
          expect(decoded).toEqual(inputs.map((v) => (v === null ? null : known.includes(v) ? v : unseen)));
        },
      ),
      { numRuns: 60, seed: 7 },
    );
  });
});
