import type { IcebergType, NestedField } from './types.js';

/** The highest field id among `fields` and everything nested in them (list elements, map keys/values); 0 if none. */
export function maxFieldId(fields: NestedField[]): number {
  let max = 0;
  for (const field of fields) max = Math.max(max, field.id, maxInType(field.type));
  return max;
}

function maxInType(type: IcebergType): number {
  if (typeof type === 'string') return 0;
  switch (type.type) {
    case 'struct':
      return maxFieldId(type.fields);
    case 'list':
      return Math.max(type.elementId, maxInType(type.element));
    case 'map':
      return Math.max(type.keyId, type.valueId, maxInType(type.key), maxInType(type.value));
  }
}
