import { DuckDb } from '@fti/feature-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Source } from '../definition/source.js';
import { type CheckInputOptions, checkInput } from './check-input.js';
import { type ValidationConfigInput, ValidationConfigSchema } from './validation-config.js';

let db: DuckDb;
beforeAll(async () => {
  db = await DuckDb.open({ threads: 1 });
  // 8 rows: one null key, one null time, one exact duplicate of row 1, one event after the run date
  // 2024-03-20, and one that repeats row 1's (customer, invoice) with another amount.
  await db.run(`CREATE TABLE events AS SELECT * FROM (VALUES
    (1, TIMESTAMP '2024-03-01 10:00:00', 'A1', 10.0),
    (1, TIMESTAMP '2024-03-01 10:00:00', 'A1', 10.0),
    (1, TIMESTAMP '2024-03-02 10:00:00', 'A1', 12.0),
    (2, TIMESTAMP '2024-03-10 09:00:00', 'B1', 5.0),
    (NULL, TIMESTAMP '2024-03-09 12:00:00', 'G1', 9.0),
    (3, NULL, 'C1', 1.0),
    (3, TIMESTAMP '2024-03-21 00:00:00', 'C2', 2.0),
    (4, TIMESTAMP '2024-02-01 08:00:00', 'D1', 3.0)
  ) AS t(customer, ts, invoice, amount)`);
});
afterAll(() => db.close());

const source: Source = {
  entityKey: 'customer',
  eventTime: 'ts',
  columns: { customer: 'int', ts: 'timestamp', invoice: 'string', amount: 'double' },
  values: {},
};
let counter = 0;
const options = (config: ValidationConfigInput): CheckInputOptions => ({
  db,
  relation: 'events',
  source,
  runDate: '2024-03-20',
  featureDates: ['2024-03-02', '2024-03-11'],
  config: ValidationConfigSchema.parse(config),
  scratchPrefix: `__fti_test_${++counter}_`,
});
const counts = (issues: { kind: string; count: number; action: string }[]) =>
  Object.fromEntries(issues.map((i) => [i.kind, [i.count, i.action]]));

describe('checkInput', () => {
  it('strict: counts every kind of bad row, samples it and fails unless allowed', async () => {
    const check = await checkInput(
      options({ policy: 'strict', input: { duplicateKey: 'all', allow: ['nullEntityKey'] } }),
    );
    expect(check.rowCount).toBe(8);
    expect(counts(check.issues)).toEqual({
      rejectedLine: [0, 'none'],
      nullEntityKey: [1, 'allowed'],
      nullEventTime: [1, 'rejected'],
      futureEvent: [1, 'rejected'],
      duplicateEvent: [1, 'rejected'],
    });
    expect(check.failed).toBe(true);
    expect(check.issues.find((i) => i.kind === 'futureEvent')?.sample).toEqual([
      { customer: 3, ts: '2024-03-21', invoice: 'C2', amount: 2 },
    ]);
    expect(check.issues.find((i) => i.kind === 'duplicateEvent')?.sample).toEqual([
      { customer: 1, ts: '2024-03-01T10:00:00.000Z', invoice: 'A1', amount: 10 },
    ]);
    // The latest event up to the end of the run date, and before each feature date.
    expect(check.latestEvent).toBe('2024-03-10T09:00:00.000Z');
    expect(Object.fromEntries(check.latestEventBefore)).toEqual({
      '2024-03-02': '2024-03-01T10:00:00.000Z',
      '2024-03-11': '2024-03-10T09:00:00.000Z',
    });
  });

  it('quarantine: hands the transform the rows without issues and sets the bad ones aside with reasons', async () => {
    const check = await checkInput(
      options({
        policy: 'quarantine',
        input: { duplicateKey: ['customer', 'invoice'], allow: ['nullEntityKey'] },
      }),
    );
    expect(check.failed).toBe(false);
    // (1, A1) three times: the first by all columns (10.0 at 03-01) is kept.
    expect(check.issues.find((i) => i.kind === 'duplicateEvent')?.count).toBe(2);
    const clean = await db.query(`SELECT customer, invoice, amount FROM ${check.cleanRelation} ORDER BY ALL`);
    expect(clean).toEqual([
      { customer: 1, invoice: 'A1', amount: 10 },
      { customer: 2, invoice: 'B1', amount: 5 },
      { customer: 4, invoice: 'D1', amount: 3 },
    ]);
    const aside = await db.query(
      `SELECT entity_key, reasons, record FROM (${check.quarantineSql}) ORDER BY record`,
    );
    // The allowed null key is left out of the features but not quarantined.
    expect(aside.map((r) => [r.entity_key, r.reasons])).toEqual([
      ['1', 'duplicateEvent'],
      ['1', 'duplicateEvent'],
      ['3', 'futureEvent'],
      ['3', 'nullEventTime'],
    ]);
    expect(JSON.parse(String(aside[3]?.record))).toEqual({ customer: 3, ts: null, invoice: 'C1', amount: 1 });
    expect(check.quarantinedRows).toBe(4);
  });

  it('reads the source as is when there is nothing to set aside', async () => {
    await db.run('CREATE OR REPLACE VIEW good AS SELECT * FROM events WHERE customer IN (2, 4)');
    const check = await checkInput({
      ...options({ policy: 'quarantine', input: { duplicateKey: 'all' } }),
      relation: 'good',
    });
    expect(check.issues.every((i) => i.count === 0 && i.action === 'none')).toBe(true);
    expect(check.cleanRelation).toBe('good');
    expect(check.quarantineSql).toBeUndefined();
  });

  it('counts CSV lines extract rejected and keeps their sample', async () => {
    const rejects = {
      lines: 2,
      errors: 3,
      sample: [
        {
          file: 'a.csv',
          line: 3,
          column: 'ts',
          errorType: 'CAST',
          message: 'bad timestamp',
          csvLine: '1,yesterday,A,1',
        },
        {
          file: 'a.csv',
          line: 7,
          column: null,
          errorType: 'TOO MANY COLUMNS',
          message: 'x',
          csvLine: '1,2,3,4,5',
        },
      ],
    };
    const strict = await checkInput({ ...options({ policy: 'strict' }), relation: 'events', rejects });
    const rejected = strict.issues.find((i) => i.kind === 'rejectedLine');
    expect(rejected).toMatchObject({ count: 2, action: 'rejected' });
    expect(rejected?.message).toBe('2 CSV lines rejected by extract (sample: CAST 1, TOO MANY COLUMNS 1)');
    expect(rejected?.sample[0]).toEqual({
      file: 'a.csv',
      line: 3,
      column: 'ts',
      error: 'CAST',
      message: 'bad timestamp',
      csv_line: '1,yesterday,A,1',
    });
  });
});
