import { describe, expect, it } from 'vitest';
import { expandFeatureDates } from './feature-dates.js';

describe('expandFeatureDates', () => {
  it('expands one date, daily and weekly ranges (inclusive ends on the step)', () => {
    expect(expandFeatureDates({ date: '2011-09-10' })).toEqual(['2011-09-10']);
    expect(expandFeatureDates({ from: '2011-02-27', to: '2011-03-02' })).toEqual([
      '2011-02-27',
      '2011-02-28',
      '2011-03-01',
      '2011-03-02',
    ]);
    expect(expandFeatureDates({ from: '2011-09-04', to: '2011-09-24', everyDays: 7 })).toEqual([
      '2011-09-04',
      '2011-09-11',
      '2011-09-18',
    ]);
    expect(expandFeatureDates({ from: '2010-12-05', to: '2011-12-04', everyDays: 7 })).toHaveLength(53);
  });

  it('rejects impossible dates, reversed ranges and huge backfills', () => {
    expect(() => expandFeatureDates({ date: '2011-02-30' })).toThrow(/not a calendar date/);
    expect(() => expandFeatureDates({ from: '2011-03-02', to: '2011-03-01' })).toThrow(/must not be after/);
    expect(() => expandFeatureDates({ from: '1900-01-01', to: '2100-01-01' })).toThrow(/at most 10000/);
  });
});
