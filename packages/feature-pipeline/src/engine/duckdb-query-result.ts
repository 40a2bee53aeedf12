import { type DuckDBResultReader, type DuckDBType, DuckDBTypeId, type DuckDBValue } from '@duckdb/node-api';
import type { QueryColumn, QueryResult, QueryValue, QueryValueType } from './query-engine.js';

/** Converts a fully read DuckDB result into typed columns (see {@link QueryValue} for the JS types). */
export function duckDbQueryResult(reader: DuckDBResultReader): QueryResult {
  const names = reader.columnNames();
  const types = reader.columnTypes();
  const raw = reader.getColumns();
  const columns: QueryColumn[] = names.map((name, index) => {
    const type = valueTypeOf(types[index] as DuckDBType);
    const values = (raw[index] ?? []).map((value) => convertValue(value, type));
    return { name, type, values };
  });
  return { columns, rowCount: columns[0]?.values.length ?? 0 };
}

function valueTypeOf(type: DuckDBType): QueryValueType {
  switch (type.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return 'boolean';
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
    case DuckDBTypeId.UINTEGER:
      return 'int';
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
      return 'long';
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
      return 'double';
    case DuckDBTypeId.DECIMAL:
      return 'decimal';
    case DuckDBTypeId.VARCHAR:
      return 'string';
    case DuckDBTypeId.DATE:
      return 'date';
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_NS:
    case DuckDBTypeId.TIMESTAMP_TZ:
      return 'timestamp';
    default:
      return 'other';
  }
}

function convertValue(value: DuckDBValue, type: QueryValueType): QueryValue {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'boolean':
      return value === true;
    case 'int':
    case 'double':
      return Number(value);
    case 'long':
      return typeof value === 'bigint' ? value : BigInt(String(value));
    case 'timestamp':
      return timestampToDate(value);
    default:
      return typeof value === 'string' ? value : String(value);
  }
}

/** DuckDB timestamp values carry their unit in the property name (`micros`, `millis`, `seconds`, `nanos`). */
function timestampToDate(value: DuckDBValue): Date {
  const v = value as { micros?: bigint; millis?: bigint; seconds?: bigint; nanos?: bigint };
  if (v.micros !== undefined) return new Date(Number(v.micros / 1000n));
  if (v.millis !== undefined) return new Date(Number(v.millis));
  if (v.seconds !== undefined) return new Date(Number(v.seconds) * 1000);
  if (v.nanos !== undefined) return new Date(Number(v.nanos / 1_000_000n));
  return new Date(String(value));
}
