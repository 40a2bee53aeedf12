import { FeaturePipelineError } from '../errors.js';
import type { QueryValue, QueryValueType } from './query-engine.js';

/** Maps an Athena (Trino) column type from `ResultSetMetadata.ColumnInfo[].Type` onto a pipeline value type. */
export function athenaValueType(athenaType: string): QueryValueType {
  const type = athenaType.toLowerCase().replace(/\(.*$/, '').trim();
  switch (type) {
    case 'boolean':
      return 'boolean';
    case 'tinyint':
    case 'smallint':
    case 'integer':
    case 'int':
      return 'int';
    case 'bigint':
      return 'long';
    case 'real':
    case 'float':
    case 'double':
      return 'double';
    case 'decimal':
      return 'decimal';
    case 'varchar':
    case 'char':
    case 'string':
      return 'string';
    case 'date':
      return 'date';
    case 'timestamp':
    case 'timestamp with time zone':
      return 'timestamp';
    default:
      return 'other';
  }
}

/**
 * Parses one `VarCharValue` of `GetQueryResults` (Athena returns every value as text; `undefined` is NULL)
 * into the JS type {@link QueryValue} documents for `type`.
 */
export function parseAthenaValue(text: string | undefined, type: QueryValueType, column: string): QueryValue {
  if (text === undefined) return null;
  switch (type) {
    case 'boolean':
      return text === 'true';
    case 'int':
      return Number.parseInt(text, 10);
    case 'long':
      return BigInt(text);
    case 'double':
      return parseDouble(text);
    case 'timestamp':
      return parseTimestamp(text, column);
    default:
      return text;
  }
}

function parseDouble(text: string): number {
  if (text === 'Infinity') return Number.POSITIVE_INFINITY;
  if (text === '-Infinity') return Number.NEGATIVE_INFINITY;
  return Number(text);
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?\s*(.*)$/;

/** `2011-09-10 12:34:56.789`, optionally followed by `UTC`, `Z` or an offset such as `+02:00`. */
function parseTimestamp(text: string, column: string): Date {
  const m = TIMESTAMP.exec(text);
  if (!m) throw unparseable(text, column);
  const [, y, mo, d, h, mi, s, fraction = '', zone = ''] = m;
  const ms = Number(fraction.slice(0, 3).padEnd(3, '0'));
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  const offset = zoneOffsetMinutes(zone);
  if (offset === undefined) throw unparseable(text, column);
  return new Date(utc - offset * 60_000);
}

function zoneOffsetMinutes(zone: string): number | undefined {
  if (zone === '' || zone === 'UTC' || zone === 'Z' || zone === 'Etc/UTC') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

function unparseable(text: string, column: string): FeaturePipelineError {
  return new FeaturePipelineError(
    `column \`${column}\`: Athena returned the timestamp "${text}", which has a time zone other than UTC or an ` +
      "offset; cast it in the query, e.g. `CAST(x AT TIME ZONE 'UTC' AS timestamp)`",
  );
}
