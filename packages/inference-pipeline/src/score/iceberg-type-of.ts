import * as arrow from 'apache-arrow';

/** The Iceberg type name an Arrow column writes as (`long`, `double`, `string`, ...), `arrow:<type>` if none. */
export function icebergTypeOfArrow(type: arrow.DataType): string {
  if (arrow.DataType.isBool(type)) return 'boolean';
  if (arrow.DataType.isInt(type))
    return type.bitWidth === 64 || (!type.isSigned && type.bitWidth === 32) ? 'long' : 'int';
  if (arrow.DataType.isFloat(type))
    return type.precision === arrow.Precision.DOUBLE
      ? 'double'
      : type.precision === arrow.Precision.SINGLE
        ? 'float'
        : 'arrow:float16';
  if (arrow.DataType.isUtf8(type) || arrow.DataType.isLargeUtf8(type)) return 'string';
  if (
    arrow.DataType.isDictionary(type) &&
    (arrow.DataType.isUtf8(type.dictionary) || arrow.DataType.isLargeUtf8(type.dictionary))
  )
    return 'string';
  if (arrow.DataType.isDate(type)) return type.unit === arrow.DateUnit.DAY ? 'date' : 'timestamp';
  if (arrow.DataType.isTimestamp(type)) return type.timezone ? 'timestamptz' : 'timestamp';
  return `arrow:${String(type)}`;
}

const DUCKDB_TYPES: Record<string, string> = {
  BOOLEAN: 'boolean',
  TINYINT: 'int',
  SMALLINT: 'int',
  INTEGER: 'int',
  UTINYINT: 'int',
  USMALLINT: 'int',
  BIGINT: 'long',
  UINTEGER: 'long',
  FLOAT: 'float',
  DOUBLE: 'double',
  VARCHAR: 'string',
  DATE: 'date',
  TIMESTAMP: 'timestamp',
  'TIMESTAMP WITH TIME ZONE': 'timestamptz',
};

/** The Iceberg type name of a DuckDB column type (`BIGINT` → `long`), `duckdb:<type>` if none. */
export function icebergTypeOfDuckDb(type: string): string {
  return DUCKDB_TYPES[type] ?? `duckdb:${type}`;
}
