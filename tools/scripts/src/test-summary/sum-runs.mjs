/**
 * @typedef {object} RuntimeRun
 * @property {string} node The Node.js version the tests ran on, e.g. `v24.9.0`.
 * @property {import('./sum-test-results.mjs').TestTotals} totals
 */

/**
 * Adds up the test totals of every runtime the tests ran on, for the one closing `N passed, N failed` line:
 * a failure on any runtime is a failure of the whole.
 * @param {RuntimeRun[]} runs
 * @returns {{ passed: number, failed: number, skipped: number }}
 */
export function sumRuns(runs) {
  return {
    passed: runs.reduce((sum, run) => sum + run.totals.passed, 0),
    failed: runs.reduce((sum, run) => sum + run.totals.failed, 0),
    skipped: runs.reduce((sum, run) => sum + run.totals.skipped, 0),
  };
}
