import { CorruptTableError } from '../errors.js';
import { readAvroFile, writeAvroFile } from './avro-file.js';
import { avroName } from './avro-name.js';
import { manifestAvroSchema } from './manifest-avro-schema.js';
import { partitionSpecToJson } from './partition-spec-json.js';
import { fromAvroPartitionValue, partitionTupleFields, toAvroPartitionValue } from './partition-tuple.js';
import { schemaToJson } from './schema-json.js';
import type {
  DataFile,
  EntryStatus,
  FileContent,
  ManifestEntry,
  PartitionSpec,
  PartitionValues,
  Schema,
} from './types.js';

/** Inputs of {@link writeManifest}. */
export interface WriteManifestOptions {
  /** The table schema the files were written with (header `schema`, `schema-id`). */
  schema: Schema;
  /** The partition spec of every entry (header `partition-spec`, `partition-spec-id`; tuple record `r102`). */
  spec: PartitionSpec;
  entries: ManifestEntry[];
  /** Only 2 is written. Default: 2. */
  formatVersion?: 2;
  /** `data` or `deletes`. Default: `deletes` when any entry is a delete file, else `data`. */
  content?: 'data' | 'deletes';
}

/**
 * Writes a v2 manifest as an Avro file (deflate): every field with its `field-id`, the six header keys
 * (`schema`, `schema-id`, `partition-spec`, `partition-spec-id`, `format-version`, `content`), stats maps as
 * arrays of key/value records. ADDED entries should carry null sequence numbers (they are inherited).
 */
export function writeManifest(options: WriteManifestOptions): Uint8Array {
  const { schema, spec, entries } = options;
  const tuple = partitionTupleFields(spec, schema);
  const content = options.content ?? (entries.some((e) => e.dataFile.content !== 0) ? 'deletes' : 'data');
  const records = entries.map((entry) => {
    const file = entry.dataFile;
    const partition: Record<string, unknown> = {};
    for (const field of tuple)
      partition[avroName(field.name)] = toAvroPartitionValue(field.type, file.partition[field.name] ?? null);
    return {
      status: entry.status,
      snapshot_id: entry.snapshotId,
      sequence_number: entry.sequenceNumber,
      file_sequence_number: entry.fileSequenceNumber,
      data_file: {
        content: file.content,
        file_path: file.filePath,
        file_format: file.fileFormat,
        partition,
        record_count: file.recordCount,
        file_size_in_bytes: file.fileSizeInBytes,
        column_sizes: countsToAvro(file.columnSizes),
        value_counts: countsToAvro(file.valueCounts),
        null_value_counts: countsToAvro(file.nullValueCounts),
        nan_value_counts: countsToAvro(file.nanValueCounts),
        lower_bounds: boundsToAvro(file.lowerBounds),
        upper_bounds: boundsToAvro(file.upperBounds),
        key_metadata: null,
        split_offsets: file.splitOffsets ?? null,
        equality_ids: file.equalityIds ?? null,
        sort_order_id: file.sortOrderId ?? (file.content === 1 ? null : 0),
      },
    };
  });
  return writeAvroFile({
    schema: manifestAvroSchema(tuple),
    metadata: {
      schema: JSON.stringify(schemaToJson(schema)),
      'schema-id': String(schema.schemaId),
      'partition-spec': JSON.stringify(partitionSpecToJson(spec).fields),
      'partition-spec-id': String(spec.specId),
      'format-version': String(options.formatVersion ?? 2),
      content,
    },
    records,
  });
}

/** What {@link readManifest} found in a manifest. */
export interface ReadManifest {
  entries: ManifestEntry[];
  /** Header `partition-spec-id` (0 when a v1 writer left it out). */
  specId: number;
  /** Header `content`. Default: `data`. */
  content: 'data' | 'deletes';
  /** Header `schema`, the table schema as spec JSON text, when present. */
  schemaJson?: string;
}

/**
 * Reads a manifest written by any v1/v2 writer. Partition tuples are keyed by partition field name (from the
 * header's spec by field id), longs beyond 2^53 stay exact (`bigint` snapshot ids).
 * @throws CorruptTableError naming `file` when the bytes are not a readable manifest.
 */
export function readManifest(bytes: Uint8Array, file: string): ReadManifest {
  try {
    const avro = readAvroFile(bytes);
    const names = partitionNamesById(avro.metadata['partition-spec']);
    const partitionFields = partitionAvroFields(avro.schema);
    const entries = avro.records.map((record) => toEntry(record as AvroEntry, partitionFields, names));
    const result: ReadManifest = {
      entries,
      specId: Number(avro.metadata['partition-spec-id'] ?? 0),
      content: avro.metadata.content === 'deletes' ? 'deletes' : 'data',
    };
    if (avro.metadata.schema !== undefined) result.schemaJson = avro.metadata.schema;
    return result;
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new CorruptTableError(`manifest \`${file}\` cannot be read: ${reason}`, file, { cause });
  }
}

type KV<V> = { key: number; value: V }[] | null | undefined;
interface AvroEntry {
  status: number;
  snapshot_id?: bigint | null;
  sequence_number?: bigint | null;
  file_sequence_number?: bigint | null;
  data_file: {
    content?: number;
    file_path: string;
    file_format: string;
    partition: Record<string, unknown>;
    record_count: bigint;
    file_size_in_bytes: bigint;
    column_sizes?: KV<bigint>;
    value_counts?: KV<bigint>;
    null_value_counts?: KV<bigint>;
    nan_value_counts?: KV<bigint>;
    lower_bounds?: KV<Buffer>;
    upper_bounds?: KV<Buffer>;
    split_offsets?: bigint[] | null;
    equality_ids?: number[] | null;
    sort_order_id?: number | null;
    referenced_data_file?: string | null;
  };
}

interface AvroPartitionField {
  avroName: string;
  fieldId: number | undefined;
  type: unknown;
}

function toEntry(
  record: AvroEntry,
  partitionFields: AvroPartitionField[],
  names: Map<number, string>,
): ManifestEntry {
  const df = record.data_file;
  if (![0, 1, 2].includes(record.status)) throw new Error(`entry status ${record.status} is not 0, 1 or 2`);
  if (typeof df?.file_path !== 'string') throw new Error('entry without data_file.file_path');
  const partition: PartitionValues = {};
  for (const field of partitionFields) {
    const name = (field.fieldId !== undefined ? names.get(field.fieldId) : undefined) ?? field.avroName;
    partition[name] = fromAvroPartitionValue(unwrapNullable(field.type), df.partition?.[field.avroName]);
  }
  const content = (df.content ?? 0) as FileContent;
  const dataFile: DataFile = {
    content,
    filePath: df.file_path,
    fileFormat: df.file_format.toUpperCase() as DataFile['fileFormat'],
    partition,
    recordCount: Number(df.record_count),
    fileSizeInBytes: Number(df.file_size_in_bytes),
  };
  setMap(dataFile, 'columnSizes', df.column_sizes, Number);
  setMap(dataFile, 'valueCounts', df.value_counts, Number);
  setMap(dataFile, 'nullValueCounts', df.null_value_counts, Number);
  setMap(dataFile, 'nanValueCounts', df.nan_value_counts, Number);
  setMap(dataFile, 'lowerBounds', df.lower_bounds, (b: Buffer) => new Uint8Array(b));
  setMap(dataFile, 'upperBounds', df.upper_bounds, (b: Buffer) => new Uint8Array(b));
  if (df.split_offsets) dataFile.splitOffsets = df.split_offsets.map(Number);
  if (df.equality_ids) dataFile.equalityIds = [...df.equality_ids];
  if (df.sort_order_id !== null && df.sort_order_id !== undefined) dataFile.sortOrderId = df.sort_order_id;
  if (typeof df.referenced_data_file === 'string') dataFile.referencedDataFile = df.referenced_data_file;
  return {
    status: record.status as EntryStatus,
    snapshotId: record.snapshot_id ?? null,
    sequenceNumber: nullableNumber(record.sequence_number),
    fileSequenceNumber: nullableNumber(record.file_sequence_number),
    dataFile,
  };
}

function setMap<
  K extends
    | 'columnSizes'
    | 'valueCounts'
    | 'nullValueCounts'
    | 'nanValueCounts'
    | 'lowerBounds'
    | 'upperBounds',
  V,
>(
  file: DataFile,
  key: K,
  pairs: KV<V>,
  convert: (v: V) => NonNullable<DataFile[K]> extends Map<number, infer T> ? T : never,
): void {
  if (!pairs) return;
  (file as unknown as Record<string, unknown>)[key] = new Map(pairs.map((p) => [p.key, convert(p.value)]));
}

function nullableNumber(value: bigint | null | undefined): number | null {
  return value === null || value === undefined ? null : Number(value);
}

function countsToAvro(map: Map<number, number> | undefined) {
  return map ? [...map].map(([key, value]) => ({ key, value })) : null;
}

function boundsToAvro(map: Map<number, Uint8Array> | undefined) {
  return map ? [...map].map(([key, value]) => ({ key, value: Buffer.from(value) })) : null;
}

function partitionNamesById(specJson: string | undefined): Map<number, string> {
  const names = new Map<number, string>();
  if (!specJson) return names;
  const parsed: unknown = JSON.parse(specJson);
  const fields = Array.isArray(parsed) ? parsed : ((parsed as { fields?: unknown[] })?.fields ?? []);
  for (const f of fields as { name?: unknown; 'field-id'?: unknown }[]) {
    if (typeof f.name === 'string' && typeof f['field-id'] === 'number') names.set(f['field-id'], f.name);
  }
  return names;
}

function partitionAvroFields(schema: unknown): AvroPartitionField[] {
  const entryFields = (schema as { fields?: { name: string; type: unknown }[] }).fields ?? [];
  const dataFile = entryFields.find((f) => f.name === 'data_file')?.type as {
    fields?: { name: string; type: unknown }[];
  };
  const partition = dataFile?.fields?.find((f) => f.name === 'partition')?.type as {
    fields?: { name: string; type: unknown; 'field-id'?: number }[];
  };
  if (!partition?.fields) throw new Error('manifest schema has no data_file.partition record');
  return partition.fields.map((f) => ({ avroName: f.name, fieldId: f['field-id'], type: f.type }));
}

function unwrapNullable(type: unknown): unknown {
  return Array.isArray(type) ? type.find((t) => t !== 'null') : type;
}
