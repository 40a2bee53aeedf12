import type { SampleRow } from './validation-report.js';

/**
 * Makes a row from DuckDB (`getRowObjectsJS`) JSON-safe: bigints become numbers when exact, else decimal
 * strings; dates become `YYYY-MM-DD` when at midnight, other times ISO strings; lists and structs JSON text.
 */
export function toSampleRow(row: Record<string, unknown>): SampleRow {
  const out: SampleRow = {};
  for (const [key, value] of Object.entries(row)) {
    if (key.startsWith('__fti_')) continue;
    out[key] = toSampleValue(value);
  }
  return out;
}

function toSampleValue(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : String(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  return JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? String(v) : v));
}
