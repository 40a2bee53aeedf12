import { UnsupportedTableError } from '../errors.js';
import type { IcebergType } from '../iceberg/types.js';
import { quoteIdentifier } from './sql-quote.js';

const primitiveTypes: Record<string, string> = {
  boolean: 'BOOLEAN',
  int: 'INTEGER',
  long: 'BIGINT',
  float: 'FLOAT',
  double: 'DOUBLE',
  date: 'DATE',
  time: 'TIME',
  timestamp: 'TIMESTAMP',
  timestamptz: 'TIMESTAMPTZ',
  string: 'VARCHAR',
  uuid: 'UUID',
  binary: 'BLOB',
};

/**
 * The DuckDB SQL type of an Iceberg type: `long` → `BIGINT`, `timestamptz` → `TIMESTAMPTZ`, `decimal(P,S)` →
 * `DECIMAL(P,S)`, `fixed[L]` → `BLOB`, nested types → `STRUCT`/`LIST`/`MAP`.
 */
export function toDuckDbType(type: IcebergType): string {
  if (typeof type === 'string') {
    const primitive = primitiveTypes[type];
    if (primitive) return primitive;
    const decimal = /^decimal\((\d+),\s*(\d+)\)$/.exec(type);
    if (decimal) return `DECIMAL(${decimal[1]}, ${decimal[2]})`;
    if (type.startsWith('fixed[')) return 'BLOB';
    throw new UnsupportedTableError(`Iceberg type \`${type}\` has no DuckDB equivalent here`);
  }
  switch (type.type) {
    case 'struct':
      return `STRUCT(${type.fields.map((f) => `${quoteIdentifier(f.name)} ${toDuckDbType(f.type)}`).join(', ')})`;
    case 'list':
      return `${toDuckDbType(type.element)}[]`;
    case 'map':
      return `MAP(${toDuckDbType(type.key)}, ${toDuckDbType(type.value)})`;
  }
}
