import { InvalidInputError } from '../errors.js';
import type { Feature, FeatureView } from '../features/feature-view.js';
import type { OnlineFeatures, OnlineRow, OnlineValue } from './online-store.js';

/** Field of an online record holding the event time, epoch ms (view names start with a letter: no clash). */
export const EVENT_TIME_FIELD = '_t';

/**
 * An entity's values as the flat string fields an online store keeps (a Redis hash): `_t` the event time in
 * epoch ms, then one field per non-null feature. `long` and `int` are decimal, `double`/`float` the shortest
 * round-trip decimal, `boolean` `true`/`false`, `date` `YYYY-MM-DD`, `timestamp` epoch microseconds.
 */
export type OnlineRecord = Record<string, string>;

/** Encodes a row's values as an {@link OnlineRecord}; throws InvalidInputError naming a mistyped feature. */
export function encodeOnlineRecord(view: FeatureView, row: OnlineRow): OnlineRecord {
  const eventMs = row.eventTime instanceof Date ? row.eventTime.getTime() : Number.NaN;
  if (!Number.isFinite(eventMs)) {
    throw new InvalidInputError(
      `online row for feature view \`${view.name}\`: eventTime must be a valid Date`,
      view.eventTimeColumn,
    );
  }
  const record: OnlineRecord = { [EVENT_TIME_FIELD]: String(eventMs) };
  const known = new Set(view.features.map((f) => f.name));
  for (const name of Object.keys(row.values)) {
    if (!known.has(name)) {
      throw new InvalidInputError(
        `online row for feature view \`${view.name}\`: \`${name}\` is not a feature of the view`,
        name,
      );
    }
  }
  for (const feature of view.features) {
    const value = row.values[feature.name];
    if (value === undefined || value === null) continue;
    record[feature.name] = encodeValue(view, feature, value);
  }
  return record;
}

/** Decodes an {@link OnlineRecord} back into typed values (absent fields are null). */
export function decodeOnlineRecord(view: FeatureView, record: OnlineRecord): OnlineFeatures {
  const values: Record<string, OnlineValue> = {};
  for (const feature of view.features) {
    const text = record[feature.name];
    values[feature.name] = text === undefined ? null : decodeValue(feature, text);
  }
  return { eventTime: new Date(Number(record[EVENT_TIME_FIELD])), values };
}

function encodeValue(view: FeatureView, feature: Feature, value: NonNullable<OnlineValue>): string {
  const fail = (): never => {
    throw new InvalidInputError(
      `online row for feature view \`${view.name}\`: feature \`${feature.name}\` (${feature.type}) got ${typeof value} ${String(value)}`,
      feature.name,
    );
  };
  switch (feature.type) {
    case 'boolean':
      return typeof value === 'boolean' ? String(value) : fail();
    case 'int':
      return typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : fail();
    case 'long':
      return typeof value === 'bigint' || (typeof value === 'number' && Number.isSafeInteger(value))
        ? String(value)
        : fail();
    case 'float':
    case 'double':
      return typeof value === 'number' ? String(value) : fail();
    case 'string':
      return typeof value === 'string' ? value : fail();
    case 'date':
      return value instanceof Date && Number.isFinite(value.getTime())
        ? value.toISOString().slice(0, 10)
        : fail();
    case 'timestamp':
      return value instanceof Date && Number.isFinite(value.getTime())
        ? String(BigInt(value.getTime()) * 1000n)
        : fail();
  }
}

function decodeValue(feature: Feature, text: string): OnlineValue {
  switch (feature.type) {
    case 'boolean':
      return text === 'true';
    case 'int':
      return Number(text);
    case 'long':
      return BigInt(text);
    case 'float':
    case 'double':
      return decodeDouble(text);
    case 'string':
      return text;
    case 'date':
      return new Date(`${text}T00:00:00.000Z`);
    case 'timestamp':
      return new Date(Number(BigInt(text) / 1000n));
  }
}

/** JS writes `Infinity`/`NaN`, DuckDB `inf`/`nan`: read both. */
function decodeDouble(text: string): number {
  const lower = text.toLowerCase();
  if (lower === 'inf' || lower === 'infinity' || lower === '+inf') return Number.POSITIVE_INFINITY;
  if (lower === '-inf' || lower === '-infinity') return Number.NEGATIVE_INFINITY;
  return Number(text);
}
