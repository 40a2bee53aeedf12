/**
 * Rejects generator options that would produce nonsense SQL: counts must be positive integers (rows may be 0)
 * and `start` an ISO date or timestamp.
 * @throws RangeError naming the option and the value received.
 */
export function assertWindow(options: {
  rows: number;
  customers: number;
  days: number;
  start: string;
}): void {
  const { rows, customers, days, start } = options;
  for (const [name, value] of Object.entries({ rows, customers, days })) {
    if (!Number.isSafeInteger(value) || value < (name === 'rows' ? 0 : 1)) {
      throw new RangeError(`${name} must be a positive integer, got ${value}`);
    }
  }
  if (!/^\d{4}-\d{2}-\d{2}([ T][\d:.]+)?$/.test(start)) {
    throw new RangeError(`start must be an ISO date such as 2023-01-01, got ${JSON.stringify(start)}`);
  }
}
