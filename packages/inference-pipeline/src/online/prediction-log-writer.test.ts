import { queryTable } from '@fti/feature-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openScoringFixture, type ScoringFixture } from '../testing/scoring-fixture.js';
import { openPredictionLogTable } from './prediction-log-table.js';
import { type PredictionLogEntry, PredictionLogWriter } from './prediction-log-writer.js';

let fixture: ScoringFixture;
beforeAll(async () => {
  fixture = await openScoringFixture();
});
afterAll(async () => {
  await fixture.close();
});

const entry = (i: number): PredictionLogEntry => ({
  requestId: `req-${i}`,
  rowIndex: 0,
  modelName: 'm',
  modelVersion: 2,
  entityId: i % 2 === 0 ? String(i) : null,
  score: i / 100,
  predictedClass: i % 2,
  latencyMs: 0.5,
  inputs: { x1: i },
});

describe('PredictionLogWriter', () => {
  it('flushes by size, by age (injected timer) and on close, one snapshot per flush, every row once', async () => {
    const id = { namespace: 'predictions', name: 'online_log' };
    const timers: { run: () => void; delayMs: number }[] = [];
    const writer = new PredictionLogWriter({
      open: () => openPredictionLogTable(fixture.warehouse, id),
      maxRows: 4,
      maxDelayMs: 250,
      now: () => Date.parse('2026-01-02T03:04:05Z'),
      schedule: (run, delayMs) => {
        timers.push({ run, delayMs });
        return () => {};
      },
    });
    writer.record([entry(0), entry(1), entry(2)]);
    expect(writer.stats().buffered).toBe(3);
    expect(timers.map((t) => t.delayMs)).toEqual([250]);
    writer.record([entry(3), entry(4)]); // 5 ≥ 4: size-triggered flush
    await writer.flush();
    expect(writer.stats()).toMatchObject({ buffered: 0, written: 5, flushes: 1 });
    writer.record([entry(5)]);
    timers.at(-1)!.run(); // age-triggered flush
    await writer.flush();
    writer.record([entry(6), entry(7)]);
    await writer.close();
    writer.record([entry(8)]); // after close: ignored
    expect(writer.stats()).toMatchObject({ buffered: 0, written: 8, flushes: 3, dropped: 0 });

    const sorted = await queryTable(
      await openPredictionLogTable(fixture.warehouse, id),
      (t) => `SELECT * EXCLUDE (logged_at), epoch_ms(logged_at) AS logged_ms FROM ${t} ORDER BY request_id`,
    );
    expect(sorted.map((r) => r.request_id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((i) => `req-${i}`));
    expect(sorted[3]).toMatchObject({
      request_id: 'req-3',
      model_name: 'm',
      model_version: 2,
      entity_id: null,
      score: 0.03,
      predicted_class: 1,
      latency_ms: 0.5,
      inputs: '{"x1":3}',
    });
    expect(Number(sorted[3]!.logged_ms)).toBe(Date.parse('2026-01-02T03:04:05Z'));
  });

  it('keeps rows when a flush fails and writes them on the next one', async () => {
    let fail = true;
    const errors: string[] = [];
    const id = { namespace: 'predictions', name: 'retry_log' };
    const writer = new PredictionLogWriter({
      open: async () => {
        if (fail) throw new Error('storage down');
        return openPredictionLogTable(fixture.warehouse, id);
      },
      onError: (error) => errors.push((error as Error).message),
    });
    writer.record([entry(1), entry(2)]);
    expect(await writer.flush()).toBe(0);
    expect(writer.stats()).toMatchObject({ buffered: 2, failedFlushes: 1 });
    fail = false;
    expect(await writer.flush()).toBe(2);
    expect(errors).toEqual(['storage down']);
    const table = await openPredictionLogTable(fixture.warehouse, id);
    expect(await queryTable(table, (t) => `SELECT count(*)::INT AS n FROM ${t}`)).toEqual([{ n: 2 }]);
  });
});
