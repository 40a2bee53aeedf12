/**
 * @typedef {object} VitestAssertion
 * @property {string} status `passed` | `failed` | `skipped` | `pending` | `todo`.
 * @property {string} [fullName]
 * @typedef {object} VitestFile
 * @property {string} name Absolute path of the test file.
 * @property {string} status `passed` | `failed`.
 * @property {string} [message] Why the file failed, e.g. an error thrown while importing it.
 * @property {VitestAssertion[]} assertionResults
 * @typedef {object} VitestReport The JSON vitest writes with `--reporter=json`.
 * @property {number} numPassedTests
 * @property {number} numFailedTests
 * @property {number} numPendingTests
 * @property {number} numTodoTests
 * @property {boolean} [success] False when the run failed, also without a failing test (no test files found,
 *   an unhandled error between tests).
 * @property {VitestFile[]} testResults
 * @typedef {object} ProjectTestResults
 * @property {string} project Project name.
 * @property {VitestReport} [report] Its parsed report; absent when the run wrote none.
 * @property {string} [missing] Why there is no report (file missing or unreadable).
 * @typedef {object} TestTotals
 * @property {number} passed
 * @property {number} failed Failed tests, plus one per test file that failed to load, per project without
 *   a report (its tests never ran) and per run that failed without any failing test.
 * @property {number} skipped Skipped and todo tests.
 * @property {string[]} problems One line per failure that is not a failed test.
 */

/**
 * Adds up the vitest reports of every project into the totals of the closing `N passed, N failed` line.
 * @param {ProjectTestResults[]} results One entry per project that has a `test` target.
 * @returns {TestTotals}
 */
export function sumTestResults(results) {
  /** @type {TestTotals} */
  const totals = { passed: 0, failed: 0, skipped: 0, problems: [] };
  for (const { project, report, missing } of results) {
    if (!report) {
      totals.failed += 1;
      totals.problems.push(`${project}: no test results (${missing ?? 'no report'}); its tests did not run`);
      continue;
    }
    const failedBefore = totals.failed;
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
    for (const file of report.testResults) {
      const failedTests = file.assertionResults.filter((assertion) => assertion.status === 'failed').length;
      if (file.status === 'failed' && failedTests === 0) {
        totals.failed += 1;
        const reason = (file.message ?? '').split('\n')[0] || 'failed outside any test';
        totals.problems.push(`${project}: ${file.name}: ${reason}`);
      }
    }
    if (report.success === false && totals.failed === failedBefore) {
      totals.failed += 1;
      totals.problems.push(
        `${project}: vitest failed without a failing test (no test files found, or an error outside the tests)`,
      );
    }
  }
  return totals;
}
