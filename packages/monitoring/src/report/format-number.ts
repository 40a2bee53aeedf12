/** Formats a number for a report table: 4 significant digits, exponent for tiny/huge values, `—` for null. */
export function formatNumber(x: number | null | undefined): string {
  if (x === null || x === undefined) return '—';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a < 1e-4 || a >= 1e7) return x.toExponential(2);
  return Number(x.toPrecision(4)).toString();
}
