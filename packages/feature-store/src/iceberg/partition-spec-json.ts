import type { PartitionSpec, SortOrder, Transform } from './types.js';

/** A partition spec as written in table metadata JSON (`fields` alone is the manifest header form). */
export type PartitionSpecJson = {
  'spec-id': number;
  fields: { name: string; transform: string; 'source-id': number; 'field-id': number }[];
};

/** Converts a partition spec to spec JSON; `partitionSpecToJson(spec).fields` is the manifest header value. */
export function partitionSpecToJson(spec: PartitionSpec): PartitionSpecJson {
  return {
    'spec-id': spec.specId,
    fields: spec.fields.map((f) => ({
      name: f.name,
      transform: f.transform,
      'source-id': f.sourceId,
      'field-id': f.fieldId,
    })),
  };
}

/**
 * Reads a partition spec from spec JSON. `fieldsOrSpec` is either `{ spec-id, fields }` or a bare fields array
 * (v1 `partition-spec`, manifest headers); v1 fields without `field-id` get 1000, 1001, ...
 */
export function partitionSpecFromJson(fieldsOrSpec: unknown, specId = 0): PartitionSpec {
  let fields: unknown = fieldsOrSpec;
  let id = specId;
  if (!Array.isArray(fieldsOrSpec)) {
    if (typeof fieldsOrSpec !== 'object' || fieldsOrSpec === null)
      throw new Error('partition spec must be an object');
    const obj = fieldsOrSpec as Record<string, unknown>;
    fields = obj.fields;
    if (obj['spec-id'] !== undefined) id = asInt(obj['spec-id'], 'spec-id');
  }
  if (!Array.isArray(fields)) throw new Error('partition spec fields must be an array');
  return {
    specId: id,
    fields: fields.map((f, i) => {
      const obj = (f ?? {}) as Record<string, unknown>;
      if (typeof obj.name !== 'string') throw new Error('partition field without a name');
      return {
        name: obj.name,
        transform: transformFromString(obj.transform),
        sourceId: asInt(obj['source-id'], `partition field \`${obj.name}\` source-id`),
        fieldId: obj['field-id'] === undefined ? 1000 + i : asInt(obj['field-id'], 'partition field-id'),
      };
    }),
  };
}

/** Converts a sort order to spec JSON. */
export function sortOrderToJson(order: SortOrder): unknown {
  return {
    'order-id': order.orderId,
    fields: order.fields.map((f) => ({
      transform: f.transform,
      'source-id': f.sourceId,
      direction: f.direction,
      'null-order': f.nullOrder,
    })),
  };
}

/** Reads a sort order from spec JSON. */
export function sortOrderFromJson(json: unknown): SortOrder {
  const obj = (json ?? {}) as Record<string, unknown>;
  const fields = Array.isArray(obj.fields) ? obj.fields : [];
  return {
    orderId: asInt(obj['order-id'], 'order-id'),
    fields: fields.map((f) => {
      const field = (f ?? {}) as Record<string, unknown>;
      return {
        sourceId: asInt(field['source-id'], 'sort field source-id'),
        transform: transformFromString(field.transform),
        direction: field.direction === 'desc' ? 'desc' : 'asc',
        nullOrder: field['null-order'] === 'nulls-last' ? 'nulls-last' : 'nulls-first',
      };
    }),
  };
}

/** Parses a transform name (`identity`, `month`, `bucket[16]`, `truncate[4]`, ...). */
export function transformFromString(value: unknown): Transform {
  if (typeof value !== 'string') throw new Error('partition transform must be a string');
  const text = value.trim();
  if (['identity', 'day', 'month', 'year', 'hour', 'void'].includes(text)) return text as Transform;
  const param = /^(bucket|truncate)\[\s*(\d+)\s*\]$/.exec(text);
  if (param) return `${param[1] as 'bucket' | 'truncate'}[${Number(param[2])}]`;
  throw new Error(`unsupported partition transform \`${text}\``);
}

function asInt(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new Error(`${what} must be an integer`);
  return value;
}
