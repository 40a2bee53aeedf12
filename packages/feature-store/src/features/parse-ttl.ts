import { InvalidInputError } from '../errors.js';

const DURATION = /^P(?:(\d+)W|(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,3})?)S)?)?)$/;
const MS = { week: 604_800_000, day: 86_400_000, hour: 3_600_000, minute: 60_000, second: 1_000 };

/**
 * Parses a feature view TTL, an ISO-8601 duration of fixed length (`P90D`, `P2W`, `PT12H`, `P1DT6H30M`,
 * `PT0.5S`), to milliseconds. Years and months (`P1Y`, `P3M`) are rejected because their length varies:
 * write days instead (`P365D`). The TTL must be positive. Throws InvalidInputError otherwise.
 */
export function parseTtl(ttl: string): number {
  const match = typeof ttl === 'string' ? DURATION.exec(ttl) : null;
  if (!match || ttl === 'P' || ttl.endsWith('T')) {
    // Before the `T`, `M` means months; after it, minutes.
    const calendar = typeof ttl === 'string' && /^P[^T]*[YM]/.test(ttl);
    throw new InvalidInputError(
      calendar
        ? `ttl ${JSON.stringify(ttl)} uses years or months, which have no fixed length; write days instead, e.g. P365D`
        : `ttl ${JSON.stringify(ttl)} is not an ISO-8601 duration of weeks, days, hours, minutes and seconds; write e.g. P90D, PT12H or P1DT6H`,
      'ttl',
    );
  }
  const [, weeks, days, hours, minutes, seconds] = match;
  const ms =
    Number(weeks ?? 0) * MS.week +
    Number(days ?? 0) * MS.day +
    Number(hours ?? 0) * MS.hour +
    Number(minutes ?? 0) * MS.minute +
    Math.round(Number(seconds ?? 0) * MS.second);
  if (ms <= 0) throw new InvalidInputError(`ttl ${JSON.stringify(ttl)} must be longer than zero`, 'ttl');
  if (!Number.isSafeInteger(ms)) throw new InvalidInputError(`ttl ${JSON.stringify(ttl)} is too long`, 'ttl');
  return ms;
}
