import type { PrimitiveType } from '../iceberg/types.js';
import type { IcebergValue } from '../iceberg/value.js';

const MICROS_PER_DAY = 86_400_000_000n;

/**
 * Parses a value DuckDB printed as text (a `COPY ... RETURN_STATS` min/max or a partition key) into the typed
 * value of an Iceberg primitive type: number for int/date (days since 1970-01-01)/float/double, bigint for
 * long and µs since midnight / since 1970-01-01 UTC for time/timestamp/timestamptz, boolean, string.
 * Returns `undefined` when the text cannot be read exactly (the caller then records no bound).
 */
export function parseStatValue(type: PrimitiveType, text: string): IcebergValue | undefined {
  switch (type) {
    case 'boolean':
      if (text === 'true' || text === '1') return true;
      if (text === 'false' || text === '0') return false;
      return undefined;
    case 'int':
      return /^-?\d+$/.test(text) ? Number(text) : undefined;
    case 'long':
      return /^-?\d+$/.test(text) ? BigInt(text) : undefined;
    case 'float':
    case 'double': {
      const value = parseFloatText(text);
      if (value === undefined || Number.isNaN(value)) return undefined;
      return type === 'float' ? Math.fround(value) : value;
    }
    case 'date':
      return parseDateDays(text);
    case 'time':
      return parseTimeMicros(text);
    case 'timestamp':
    case 'timestamptz':
      return parseTimestampMicros(text);
    case 'string':
    case 'uuid':
      return text;
    default:
      return undefined;
  }
}

function parseFloatText(text: string): number | undefined {
  const lower = text.toLowerCase();
  if (lower === 'inf' || lower === 'infinity' || lower === '+inf') return Number.POSITIVE_INFINITY;
  if (lower === '-inf' || lower === '-infinity') return Number.NEGATIVE_INFINITY;
  if (lower === 'nan' || lower === '-nan') return Number.NaN;
  const value = Number(text);
  return text.trim() === '' || Number.isNaN(value) ? undefined : value;
}

/** `YYYY-MM-DD` with an optional ` (BC)` suffix → days since 1970-01-01 (proleptic Gregorian). */
function parseDateDays(text: string): number | undefined {
  const match = /^(\d+)-(\d{2})-(\d{2})( \(BC\))?$/.exec(text);
  if (!match) return undefined;
  const year = match[4] ? 1 - Number(match[1]) : Number(match[1]);
  return daysFromCivil(year, Number(match[2]), Number(match[3]));
}

function parseTimeMicros(text: string): bigint | undefined {
  const match = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?$/.exec(text);
  if (!match) return undefined;
  const seconds = Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]);
  return BigInt(seconds) * 1_000_000n + BigInt((match[4] ?? '').padEnd(6, '0'));
}

/** `YYYY-MM-DD HH:MM:SS[.ffffff][+00][ (BC)]` (UTC) → µs since 1970-01-01 00:00 UTC. */
function parseTimestampMicros(text: string): bigint | undefined {
  const match = /^(\d+)-(\d{2})-(\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?)(?:\+00(?::00)?)?( \(BC\))?$/.exec(
    text,
  );
  if (!match) return undefined;
  const year = match[5] ? 1 - Number(match[1]) : Number(match[1]);
  const time = parseTimeMicros(match[4] ?? '');
  if (time === undefined) return undefined;
  return BigInt(daysFromCivil(year, Number(match[2]), Number(match[3]))) * MICROS_PER_DAY + time;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`); no Date range limits. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
