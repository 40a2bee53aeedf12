import { decodeBound, encodeBound } from './bounds.js';
import type { PartitionTupleField } from './manifest-avro-schema.js';
import { decimalBytes } from './manifest-avro-schema.js';
import { transformResultType } from './transform.js';
import type { PartitionSpec, PartitionValue, PrimitiveType, Schema } from './types.js';

/**
 * The fields of a spec's partition tuple with their result types, resolved against `schema`
 * (a source column missing from the schema is typed as its transform's `int` or, for identity, `string`).
 */
export function partitionTupleFields(spec: PartitionSpec, schema: Schema): PartitionTupleField[] {
  return spec.fields.map((f) => {
    const source = schema.fields.find((s) => s.id === f.sourceId);
    const sourceType = (typeof source?.type === 'string' ? source.type : 'string') as PrimitiveType;
    return { fieldId: f.fieldId, name: f.name, type: transformResultType(f.transform, sourceType) };
  });
}

/** A partition value in the form avsc encodes for the field's Avro type. */
export function toAvroPartitionValue(type: PrimitiveType, value: PartitionValue): unknown {
  if (value === null) return null;
  if (type === 'long' || type === 'time' || type === 'timestamp' || type === 'timestamptz')
    return BigInt(value as number);
  if (type === 'uuid' || type === 'binary' || type.startsWith('fixed['))
    return Buffer.from(encodeBound(type, value));
  if (type.startsWith('decimal(')) {
    const precision = Number(/^decimal\((\d+)/.exec(type)?.[1]);
    const minimal = encodeBound(type, value);
    const out = Buffer.alloc(decimalBytes(precision), (minimal[0] as number) & 0x80 ? 0xff : 0);
    out.set(minimal, out.length - minimal.length);
    return out;
  }
  return value;
}

/** Converts a decoded Avro partition value back to an Iceberg value, guided by the field's Avro schema. */
export function fromAvroPartitionValue(avroType: unknown, value: unknown): PartitionValue {
  if (value === null || value === undefined) return null;
  if (!Buffer.isBuffer(value)) return value as PartitionValue;
  const logical =
    typeof avroType === 'object' && avroType !== null ? (avroType as { logicalType?: string }) : {};
  if (logical.logicalType === 'decimal') return decodeBound('decimal(38,0)', value);
  if (logical.logicalType === 'uuid' && value.length === 16) return decodeBound('uuid', value);
  return new Uint8Array(value);
}
