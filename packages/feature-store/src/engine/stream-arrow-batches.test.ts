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

  it('with recycle, writes batch k + recycle into the buffers of batch k and gives the same rows', async () => {
    // Nulls only in some batches, so a reused validity bitmap must be reset; booleans and strings too.
    const sql = `SELECT i::BIGINT AS id, CASE WHEN i BETWEEN 2000 AND 4200 AND i % 5 = 0 THEN NULL ELSE i * 0.25::DOUBLE END AS x,
       i % 2 = 0 AS even, CASE WHEN i % 11 = 0 THEN NULL ELSE 'v' || (i % 4) END AS s FROM range(20000) t(i) ORDER BY i`;
    const rowsOf = (batch: import('apache-arrow').RecordBatch) =>
      Array.from({ length: batch.numRows }, (_, r) =>
        ['id', 'x', 'even', 's'].map((c) => String(batch.getChild(c)!.get(r))).join('|'),
      );
    const plain: string[] = [];
    for await (const batch of streamArrowBatches(db, sql, { batchRows: 2048 })) plain.push(...rowsOf(batch));
    const recycled: string[] = [];
    const buffers: ArrayBufferLike[] = [];
    const nullCounts: number[] = [];
    for await (const batch of streamArrowBatches(db, sql, { batchRows: 2048, recycle: 3 })) {
      recycled.push(...rowsOf(batch));
      buffers.push((batch.getChild('x')!.data[0]!.values as Float64Array).buffer);
      nullCounts.push(batch.getChild('x')!.nullCount);
    }
    expect(recycled).toEqual(plain);
    expect(buffers.length).toBeGreaterThan(6);
    // Batch k + 3 is written into batch k's buffers; the three before it have buffers of their own.
    expect(buffers[3]).toBe(buffers[0]);
    expect(buffers[6]).toBe(buffers[0]);
    expect(new Set(buffers.slice(0, 3)).size).toBe(3);
    expect(new Set(buffers).size).toBe(3);
    expect(nullCounts.reduce((a, b) => a + b, 0)).toBe(441);
    expect(nullCounts.at(-1)).toBe(0);
  });

  it('refuses a recycle that cannot hold the batch being filled and the one handed out', async () => {
    for (const recycle of [1, -2, 2.5])
      await expect(streamArrowBatches(db, 'SELECT 1 AS a', { recycle }).next()).rejects.toThrow(
        `recycle must be 0 (never) or an integer of at least 2, got ${recycle}`,
      );
  });
});
