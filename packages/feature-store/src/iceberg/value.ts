/**
 * A single Iceberg primitive value in this library's in-memory form, as bounds and partition values decode to:
 * boolean; int/date (days since epoch)/float/double as `number`; long/time/timestamp/timestamptz (µs since
 * epoch) as `bigint`; decimal as its unscaled `bigint`; string and uuid (canonical lower-case) as `string`;
 * binary/fixed as `Uint8Array`.
 */
export type IcebergValue = boolean | number | bigint | string | Uint8Array;
