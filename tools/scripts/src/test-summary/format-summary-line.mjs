/**
 * The closing line of `npm test`: `N passed, N failed`, with `, N skipped` when some were skipped.
 * @param {{ passed: number, failed: number, skipped: number }} totals
 * @returns {string}
 */
export function formatSummaryLine({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}
