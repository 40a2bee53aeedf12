import { describe, expect, it } from 'vitest';
import { formatSummaryLine } from './format-summary-line.mjs';
import { sumTestResults, type VitestReport } from './sum-test-results.mjs';

function report(statuses: Record<string, string[]>, loadErrors: Record<string, string> = {}): VitestReport {
  const all = Object.values(statuses).flat();
  const count = (status: string) => all.filter((value) => value === status).length;
  return {
    numPassedTests: count('passed'),
    numFailedTests: count('failed'),
    numPendingTests: count('skipped'),
    numTodoTests: count('todo'),
    testResults: [
      ...Object.entries(statuses).map(([name, list]) => ({
        name,
        status: list.includes('failed') ? 'failed' : 'passed',
        message: '',
        assertionResults: list.map((status) => ({ status })),
      })),
      ...Object.entries(loadErrors).map(([name, message]) => ({
        name,
        status: 'failed',
        message,
        assertionResults: [],
      })),
    ],
  };
}

describe('sumTestResults', () => {
  it('adds passed, failed and skipped tests across projects', () => {
    const totals = sumTestResults([
      {
        project: 'a',
        report: report({ 'a/x.test.ts': ['passed', 'passed', 'failed'], 'a/y.test.ts': ['passed'] }),
      },
      { project: 'b', report: report({ 'b/z.test.ts': ['passed', 'skipped', 'todo'] }) },
    ]);
    expect(totals).toEqual({ passed: 4, failed: 1, skipped: 2, problems: [] });
    expect(formatSummaryLine(totals)).toBe('4 passed, 1 failed, 2 skipped');
  });

  it('counts a test file that failed to load as one failure and says why', () => {
    const totals = sumTestResults([
      {
        project: 'a',
        report: report({ 'a/x.test.ts': ['passed'] }, { 'a/broken.test.ts': 'boom at load\n  at x.ts:1' }),
      },
    ]);
    expect(totals).toEqual({
      passed: 1,
      failed: 1,
      skipped: 0,
      problems: ['a: a/broken.test.ts: boom at load'],
    });
  });

  it('counts a project without a report as one failure, keeping the other projects counts', () => {
    const totals = sumTestResults([
      { project: 'a', report: report({ 'a/x.test.ts': ['passed', 'passed'] }) },
      { project: 'b', missing: 'b/test-results/vitest.json does not exist' },
    ]);
    expect(formatSummaryLine(totals)).toBe('2 passed, 1 failed');
    expect(totals.problems).toEqual([
      'b: no test results (b/test-results/vitest.json does not exist); its tests did not run',
    ]);
  });

  it('counts a run that failed without a failing test (no test files, unhandled error) as one failure', () => {
    const empty = { ...report({}), success: false };
    const passingButFailed = { ...report({ 'c/x.test.ts': ['passed', 'failed'] }), success: false };
    const totals = sumTestResults([
      { project: 'a', report: empty },
      { project: 'b', report: { ...report({ 'b/x.test.ts': ['passed'] }), success: true } },
      { project: 'c', report: passingButFailed },
    ]);
    expect(formatSummaryLine(totals)).toBe('2 passed, 2 failed');
    expect(totals.problems).toEqual([
      'a: vitest failed without a failing test (no test files found, or an error outside the tests)',
    ]);
  });

  it('prints no skipped part when nothing was skipped', () => {
    expect(formatSummaryLine(sumTestResults([]))).toBe('0 passed, 0 failed');
  });
});
