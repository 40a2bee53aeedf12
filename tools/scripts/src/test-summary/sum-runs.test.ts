import { describe, expect, it } from 'vitest';
import { formatSummaryLine } from './format-summary-line.mjs';
import { sumRuns } from './sum-runs.mjs';

const totals = (passed: number, failed: number, skipped: number) => ({
  passed,
  failed,
  skipped,
  problems: [],
});

describe('sumRuns', () => {
  it('counts the tests of both runtimes in one closing line', () => {
    const line = formatSummaryLine(
      sumRuns([
        { node: 'v20.20.2', totals: totals(1200, 0, 3) },
        { node: 'v24.9.0', totals: totals(1150, 0, 3) },
      ]),
    );
    expect(line).toBe('2350 passed, 0 failed, 6 skipped');
  });

  it('a failure on the second runtime alone fails the whole', () => {
    const sum = sumRuns([
      { node: 'v20.20.2', totals: totals(10, 0, 0) },
      { node: 'v24.9.0', totals: totals(9, 1, 0) },
    ]);
    expect(sum).toEqual({ passed: 19, failed: 1, skipped: 0 });
    expect(formatSummaryLine(sum)).toBe('19 passed, 1 failed');
  });

  it('one runtime sums to itself', () => {
    expect(sumRuns([{ node: 'v20.20.2', totals: totals(5, 2, 1) }])).toEqual({
      passed: 5,
      failed: 2,
      skipped: 1,
    });
  });
});
