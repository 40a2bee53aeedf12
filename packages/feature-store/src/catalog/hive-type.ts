import type { IcebergType } from '../iceberg/types.js';

/**
 * The Hive type name Glue and Athena show for an Iceberg type (the mapping Iceberg's own Glue catalog
 * uses): `long` → `bigint`, both timestamps → `timestamp`, `uuid`/`time` → `string`, `fixed` → `binary`,
 * nested types as `struct<a:int>`, `array<string>`, `map<string,double>`.
 */
export function hiveType(type: IcebergType): string {
  if (typeof type !== 'string') {
    switch (type.type) {
      case 'struct':
        return `struct<${type.fields.map((f) => `${f.name}:${hiveType(f.type)}`).join(',')}>`;
      case 'list':
        return `array<${hiveType(type.element)}>`;
      case 'map':
        return `map<${hiveType(type.key)},${hiveType(type.value)}>`;
    }
  }
  if (type.startsWith('decimal(')) return type.replace(/\s+/g, '');
  if (type.startsWith('fixed[')) return 'binary';
  switch (type) {
    case 'long':
      return 'bigint';
    case 'timestamp':
    case 'timestamptz':
      return 'timestamp';
    case 'time':
    case 'uuid':
      return 'string';
    default:
      return type;
  }
}
