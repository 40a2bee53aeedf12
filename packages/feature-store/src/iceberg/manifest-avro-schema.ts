import { avroName } from './avro-name.js';
import type { PrimitiveType } from './types.js';

/** One field of the partition tuple (`r102`): its partition field id, name and result type. */
export interface PartitionTupleField {
  fieldId: number;
  name: string;
  type: PrimitiveType;
}

const doc = (text: string) => ({ doc: text });

/**
 * The Avro schema of a v2 manifest entry (spec: Manifests), every field with its `field-id`, the partition
 * tuple as record `r102` built from the spec, and stats maps as arrays of `k<id>_v<id>` records.
 */
export function manifestAvroSchema(partition: PartitionTupleField[]): unknown {
  const named = new Set<string>();
  const statsMap = (name: string, fieldId: number, keyId: number, valueType: string, text: string) => ({
    name,
    type: [
      'null',
      {
        type: 'array',
        items: {
          type: 'record',
          name: `k${keyId}_v${keyId + 1}`,
          fields: [
            { name: 'key', type: 'int', 'field-id': keyId },
            { name: 'value', type: valueType, 'field-id': keyId + 1 },
          ],
        },
        logicalType: 'map',
      },
    ],
    ...doc(text),
    default: null,
    'field-id': fieldId,
  });
  return {
    type: 'record',
    name: 'manifest_entry',
    fields: [
      { name: 'status', type: 'int', 'field-id': 0 },
      { name: 'snapshot_id', type: ['null', 'long'], default: null, 'field-id': 1 },
      { name: 'sequence_number', type: ['null', 'long'], default: null, 'field-id': 3 },
      { name: 'file_sequence_number', type: ['null', 'long'], default: null, 'field-id': 4 },
      {
        name: 'data_file',
        type: {
          type: 'record',
          name: 'r2',
          fields: [
            {
              name: 'content',
              type: 'int',
              ...doc('Contents of the file: 0=data, 1=position deletes, 2=equality deletes'),
              'field-id': 134,
            },
            { name: 'file_path', type: 'string', ...doc('Location URI with FS scheme'), 'field-id': 100 },
            {
              name: 'file_format',
              type: 'string',
              ...doc('File format name: avro, orc, or parquet'),
              'field-id': 101,
            },
            {
              name: 'partition',
              type: {
                type: 'record',
                name: 'r102',
                fields: partition.map((f) => ({
                  name: avroName(f.name),
                  type: ['null', avroPrimitive(f.type, named)],
                  default: null,
                  'field-id': f.fieldId,
                })),
              },
              ...doc('Partition data tuple, schema based on the partition spec'),
              'field-id': 102,
            },
            { name: 'record_count', type: 'long', ...doc('Number of records in the file'), 'field-id': 103 },
            { name: 'file_size_in_bytes', type: 'long', ...doc('Total file size in bytes'), 'field-id': 104 },
            statsMap('column_sizes', 108, 117, 'long', 'Map of column id to total size on disk'),
            statsMap(
              'value_counts',
              109,
              119,
              'long',
              'Map of column id to total count, including null and NaN',
            ),
            statsMap('null_value_counts', 110, 121, 'long', 'Map of column id to null value count'),
            statsMap(
              'nan_value_counts',
              137,
              138,
              'long',
              'Map of column id to number of NaN values in the column',
            ),
            statsMap('lower_bounds', 125, 126, 'bytes', 'Map of column id to lower bound'),
            statsMap('upper_bounds', 128, 129, 'bytes', 'Map of column id to upper bound'),
            {
              name: 'key_metadata',
              type: ['null', 'bytes'],
              ...doc('Encryption key metadata blob'),
              default: null,
              'field-id': 131,
            },
            {
              name: 'split_offsets',
              type: ['null', { type: 'array', items: 'long', 'element-id': 133 }],
              ...doc('Splittable offsets'),
              default: null,
              'field-id': 132,
            },
            {
              name: 'equality_ids',
              type: ['null', { type: 'array', items: 'int', 'element-id': 136 }],
              ...doc('Equality comparison field IDs'),
              default: null,
              'field-id': 135,
            },
            {
              name: 'sort_order_id',
              type: ['null', 'int'],
              ...doc('Sort order ID'),
              default: null,
              'field-id': 140,
            },
          ],
        },
        'field-id': 2,
      },
    ],
  };
}

/** The Avro type Iceberg uses for a primitive (spec Appendix A, Avro). Named fixed types are defined once. */
export function avroPrimitive(type: PrimitiveType, named: Set<string>): unknown {
  switch (type) {
    case 'boolean':
    case 'int':
    case 'long':
    case 'float':
    case 'double':
    case 'string':
      return type;
    case 'binary':
      return 'bytes';
    case 'date':
      return { type: 'int', logicalType: 'date' };
    case 'time':
      return { type: 'long', logicalType: 'time-micros' };
    case 'timestamp':
      return { type: 'long', logicalType: 'timestamp-micros', 'adjust-to-utc': false };
    case 'timestamptz':
      return { type: 'long', logicalType: 'timestamp-micros', 'adjust-to-utc': true };
    case 'uuid':
      return fixedOnce(named, 'uuid_fixed', { size: 16, logicalType: 'uuid' });
  }
  const fixed = /^fixed\[(\d+)\]$/.exec(type);
  if (fixed) return fixedOnce(named, `fixed_${fixed[1]}`, { size: Number(fixed[1]) });
  const [precision, scale] = (/^decimal\((\d+),\s*(\d+)\)$/.exec(type) ?? []).slice(1).map(Number) as [
    number,
    number,
  ];
  return fixedOnce(named, `decimal_${precision}_${scale}`, {
    size: decimalBytes(precision),
    logicalType: 'decimal',
    precision,
    scale,
  });
}

/** Smallest byte count whose two's complement holds any unscaled value of `precision` digits. */
export function decimalBytes(precision: number): number {
  let bytes = 1;
  while (2n ** BigInt(8 * bytes - 1) - 1n < 10n ** BigInt(precision) - 1n) bytes++;
  return bytes;
}

function fixedOnce(named: Set<string>, name: string, rest: Record<string, unknown>): unknown {
  if (named.has(name)) return name;
  named.add(name);
  return { type: 'fixed', name, ...rest };
}
