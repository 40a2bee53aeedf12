import type { IcebergType, NestedField, PrimitiveType, Schema } from './types.js';

/** A schema or type as written in table metadata JSON and manifest headers (spec: Schemas). */
export type SchemaJson = {
  type: 'struct';
  'schema-id': number;
  'identifier-field-ids'?: number[];
  fields: FieldJson[];
};
export type FieldJson = { id: number; name: string; required: boolean; type: TypeJson; doc?: string };
export type TypeJson =
  | string
  | { type: 'struct'; fields: FieldJson[] }
  | { type: 'list'; 'element-id': number; element: TypeJson; 'element-required': boolean }
  | {
      type: 'map';
      'key-id': number;
      key: TypeJson;
      'value-id': number;
      value: TypeJson;
      'value-required': boolean;
    };

const PRIMITIVES = new Set<string>([
  'boolean',
  'int',
  'long',
  'float',
  'double',
  'date',
  'time',
  'timestamp',
  'timestamptz',
  'string',
  'uuid',
  'binary',
]);

/** Converts a {@link Schema} to its spec JSON (`type: struct`, `schema-id`, `fields`). */
export function schemaToJson(schema: Schema): SchemaJson {
  const json: SchemaJson = {
    type: 'struct',
    'schema-id': schema.schemaId,
    fields: schema.fields.map(fieldToJson),
  };
  if (schema.identifierFieldIds?.length) json['identifier-field-ids'] = [...schema.identifierFieldIds];
  return json;
}

/** Reads a schema from spec JSON, including nested struct/list/map and decimal/fixed types; throws on bad input. */
export function schemaFromJson(json: unknown): Schema {
  const obj = asObject(json, 'schema');
  const schemaId = obj['schema-id'] ?? 0;
  if (!Number.isInteger(schemaId)) throw new Error('schema-id must be an integer');
  const schema: Schema = { schemaId: schemaId as number, fields: fieldsFromJson(obj.fields, 'schema') };
  const ids = obj['identifier-field-ids'];
  if (Array.isArray(ids) && ids.length > 0)
    schema.identifierFieldIds = ids.map((id) => asInt(id, 'identifier'));
  return schema;
}

/** Converts an Iceberg type to spec JSON (a string for primitives). */
export function typeToJson(type: IcebergType): TypeJson {
  if (typeof type === 'string') return type;
  switch (type.type) {
    case 'struct':
      return { type: 'struct', fields: type.fields.map(fieldToJson) };
    case 'list':
      return {
        type: 'list',
        'element-id': type.elementId,
        element: typeToJson(type.element),
        'element-required': type.elementRequired,
      };
    case 'map':
      return {
        type: 'map',
        'key-id': type.keyId,
        key: typeToJson(type.key),
        'value-id': type.valueId,
        value: typeToJson(type.value),
        'value-required': type.valueRequired,
      };
  }
}

/** Reads an Iceberg type from spec JSON; `decimal(10, 2)` is normalised to `decimal(10,2)`. */
export function typeFromJson(json: unknown): IcebergType {
  if (typeof json === 'string') return primitiveFromString(json);
  const obj = asObject(json, 'type');
  switch (obj.type) {
    case 'struct':
      return { type: 'struct', fields: fieldsFromJson(obj.fields, 'struct') };
    case 'list':
      return {
        type: 'list',
        elementId: asInt(obj['element-id'], 'list element-id'),
        element: typeFromJson(obj.element),
        elementRequired: obj['element-required'] === true,
      };
    case 'map':
      return {
        type: 'map',
        keyId: asInt(obj['key-id'], 'map key-id'),
        key: typeFromJson(obj.key),
        valueId: asInt(obj['value-id'], 'map value-id'),
        value: typeFromJson(obj.value),
        valueRequired: obj['value-required'] === true,
      };
    default:
      throw new Error(`unknown nested type ${JSON.stringify(obj.type)}`);
  }
}

/** Parses a primitive type name such as `long`, `decimal(10, 2)` or `fixed[16]`. */
export function primitiveFromString(text: string): PrimitiveType {
  const name = text.trim();
  if (PRIMITIVES.has(name)) return name as PrimitiveType;
  const decimal = /^decimal\(\s*(\d+)\s*,\s*(\d+)\s*\)$/.exec(name);
  if (decimal) return `decimal(${Number(decimal[1])},${Number(decimal[2])})`;
  const fixed = /^fixed\[\s*(\d+)\s*\]$/.exec(name);
  if (fixed) return `fixed[${Number(fixed[1])}]`;
  throw new Error(`unsupported type \`${name}\` (this library reads Iceberg v2 types)`);
}

function fieldToJson(field: NestedField): FieldJson {
  const json: FieldJson = {
    id: field.id,
    name: field.name,
    required: field.required,
    type: typeToJson(field.type),
  };
  if (field.doc !== undefined) json.doc = field.doc;
  return json;
}

function fieldsFromJson(json: unknown, where: string): NestedField[] {
  if (!Array.isArray(json)) throw new Error(`${where} fields must be an array`);
  return json.map((f) => {
    const obj = asObject(f, `${where} field`);
    if (typeof obj.name !== 'string') throw new Error(`${where} field without a name`);
    const field: NestedField = {
      id: asInt(obj.id, `field \`${obj.name}\` id`),
      name: obj.name,
      required: obj.required === true,
      type: typeFromJson(obj.type),
    };
    if (typeof obj.doc === 'string') field.doc = obj.doc;
    return field;
  });
}

function asObject(json: unknown, what: string): Record<string, unknown> {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new Error(`${what} must be an object`);
  return json as Record<string, unknown>;
}

function asInt(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new Error(`${what} must be an integer`);
  return value;
}
