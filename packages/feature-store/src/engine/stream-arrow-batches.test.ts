import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDb } from './duck-db.js';
import { streamArrowBatches } from './stream-arrow-batches.js';

let db: DuckDb;
beforeAll(async () => {
  db = await DuckDb.open({ threads: 1 });
});
afterAll(() => db.close());

describe('streamArrowBatches', () => {
  it('streams a query as bounded, typed Arrow batches that together hold every row, nulls included', async () => {
    const sizes: number[] = [];
    let sum = 0;
    let nulls = 0;
    let text = '';
    for await (const batch of streamArrowBatches(
      db,
      `SELECT i::BIGINT AS id, CASE WHEN i % 7 = 0 THEN NULL ELSE i * 0.5::DOUBLE END AS x, 'k' || (i % 3) AS k
       FROM range(10000) t(i) ORDER BY i`,
      { batchRows: 3000 },
    )) {
      sizes.push(batch.numRows);
      const x = batch.getChild('x')!;
      nulls += x.nullCount;
      for (let i = 0; i < x.length; i++) sum += (x.get(i) as number | null) ?? 0;
      if (text === '') text = String(batch.getChild('k')!.get(4));
      expect(String(batch.schema.fields.map((f) => f.type))).toBe('Int64,Float64,Utf8');
    }
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(Math.max(...sizes)).toBeLessThan(3000 + 2048);
    expect(sizes.length).toBeGreaterThanOrEqual(3);
    expect(nulls).toBe(1429);
    expect(text).toBe('k1');
    let want = 0;
    for (let i = 0; i < 10_000; i++) if (i % 7 !== 0) want += i * 0.5;
    expect(sum).toBe(want);
  });
});
