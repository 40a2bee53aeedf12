import { CorruptTableError } from '../errors.js';
import { readAvroFile, writeAvroFile } from './avro-file.js';
import type { FieldSummary, ManifestFile } from './types.js';

/** Avro schema of a v2 manifest list entry (spec: Manifest Lists), every field with its `field-id`. */
const MANIFEST_FILE_SCHEMA = {
  type: 'record',
  name: 'manifest_file',
  fields: [
    { name: 'manifest_path', type: 'string', doc: 'Location URI with FS scheme', 'field-id': 500 },
    { name: 'manifest_length', type: 'long', doc: 'Total file size in bytes', 'field-id': 501 },
    { name: 'partition_spec_id', type: 'int', doc: 'Spec ID used to write', 'field-id': 502 },
    { name: 'content', type: 'int', doc: 'Contents of the manifest: 0=data, 1=deletes', 'field-id': 517 },
    {
      name: 'sequence_number',
      type: 'long',
      doc: 'Sequence number when the manifest was added',
      'field-id': 515,
    },
    {
      name: 'min_sequence_number',
      type: 'long',
      doc: 'Lowest sequence number in the manifest',
      'field-id': 516,
    },
    { name: 'added_snapshot_id', type: 'long', doc: 'Snapshot ID that added the manifest', 'field-id': 503 },
    { name: 'added_files_count', type: 'int', doc: 'Added entry count', 'field-id': 504 },
    { name: 'existing_files_count', type: 'int', doc: 'Existing entry count', 'field-id': 505 },
    { name: 'deleted_files_count', type: 'int', doc: 'Deleted entry count', 'field-id': 506 },
    { name: 'added_rows_count', type: 'long', doc: 'Added rows count', 'field-id': 512 },
    { name: 'existing_rows_count', type: 'long', doc: 'Existing rows count', 'field-id': 513 },
    { name: 'deleted_rows_count', type: 'long', doc: 'Deleted rows count', 'field-id': 514 },
    {
      name: 'partitions',
      type: [
        'null',
        {
          type: 'array',
          items: {
            type: 'record',
            name: 'r508',
            fields: [
              {
                name: 'contains_null',
                type: 'boolean',
                doc: 'True if any file has a null partition value',
                'field-id': 509,
              },
              {
                name: 'contains_nan',
                type: ['null', 'boolean'],
                doc: 'True if any file has a nan partition value',
                default: null,
                'field-id': 518,
              },
              {
                name: 'lower_bound',
                type: ['null', 'bytes'],
                doc: 'Partition lower bound for all files',
                default: null,
                'field-id': 510,
              },
              {
                name: 'upper_bound',
                type: ['null', 'bytes'],
                doc: 'Partition upper bound for all files',
                default: null,
                'field-id': 511,
              },
            ],
          },
          'element-id': 508,
        },
      ],
      doc: 'Summary for each partition',
      default: null,
      'field-id': 507,
    },
  ],
};

/** Inputs of {@link writeManifestList}. */
export interface WriteManifestListOptions {
  /** Every manifest of the snapshot: the new ones and the parent's, copied unchanged. */
  manifests: ManifestFile[];
  snapshotId: bigint;
  /** Absent for a table's first snapshot (header value `null`). */
  parentSnapshotId?: bigint;
  sequenceNumber: number;
}

/**
 * Writes a v2 manifest list (Avro, deflate) with header keys `snapshot-id`, `parent-snapshot-id`,
 * `sequence-number` and `format-version`.
 */
export function writeManifestList(options: WriteManifestListOptions): Uint8Array {
  return writeAvroFile({
    schema: MANIFEST_FILE_SCHEMA,
    metadata: {
      'snapshot-id': String(options.snapshotId),
      'parent-snapshot-id':
        options.parentSnapshotId === undefined ? 'null' : String(options.parentSnapshotId),
      'sequence-number': String(options.sequenceNumber),
      'format-version': '2',
    },
    records: options.manifests.map((m) => ({
      manifest_path: m.manifestPath,
      manifest_length: m.manifestLength,
      partition_spec_id: m.partitionSpecId,
      content: m.content,
      sequence_number: m.sequenceNumber,
      min_sequence_number: m.minSequenceNumber,
      added_snapshot_id: m.addedSnapshotId,
      added_files_count: m.addedFilesCount,
      existing_files_count: m.existingFilesCount,
      deleted_files_count: m.deletedFilesCount,
      added_rows_count: m.addedRowsCount,
      existing_rows_count: m.existingRowsCount,
      deleted_rows_count: m.deletedRowsCount,
      partitions:
        m.partitions?.map((p) => ({
          contains_null: p.containsNull,
          contains_nan: p.containsNan ?? null,
          lower_bound: p.lowerBound ? Buffer.from(p.lowerBound) : null,
          upper_bound: p.upperBound ? Buffer.from(p.upperBound) : null,
        })) ?? null,
    })),
  });
}

type Avro = Record<string, unknown>;

/**
 * Reads a v1 or v2 manifest list (v1 files get sequence numbers 0 and content 0, spec Appendix E). Accepts
 * Java's `added_data_files_count` names too. Snapshot ids stay exact (`bigint`).
 * @throws CorruptTableError naming `file` when the bytes are not a readable manifest list.
 */
export function readManifestList(bytes: Uint8Array, file: string): ManifestFile[] {
  try {
    return readAvroFile(bytes).records.map((r) => toManifestFile(r as Avro));
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new CorruptTableError(`manifest list \`${file}\` cannot be read: ${reason}`, file, { cause });
  }
}

function toManifestFile(r: Avro): ManifestFile {
  if (typeof r.manifest_path !== 'string') throw new Error('entry without manifest_path');
  const count = (a: string, b: string) => Number((r[a] ?? r[b] ?? 0) as bigint | number);
  const manifest: ManifestFile = {
    manifestPath: r.manifest_path,
    manifestLength: Number(r.manifest_length as bigint),
    partitionSpecId: Number(r.partition_spec_id ?? 0),
    content: r.content === 1 ? 1 : 0,
    sequenceNumber: Number((r.sequence_number ?? 0) as bigint),
    minSequenceNumber: Number((r.min_sequence_number ?? 0) as bigint),
    addedSnapshotId: BigInt(r.added_snapshot_id as bigint),
    addedFilesCount: count('added_files_count', 'added_data_files_count'),
    existingFilesCount: count('existing_files_count', 'existing_data_files_count'),
    deletedFilesCount: count('deleted_files_count', 'deleted_data_files_count'),
    addedRowsCount: count('added_rows_count', 'added_rows_count'),
    existingRowsCount: count('existing_rows_count', 'existing_rows_count'),
    deletedRowsCount: count('deleted_rows_count', 'deleted_rows_count'),
  };
  if (Array.isArray(r.partitions)) manifest.partitions = r.partitions.map((p) => toSummary(p as Avro));
  return manifest;
}

function toSummary(p: Avro): FieldSummary {
  const summary: FieldSummary = { containsNull: p.contains_null === true };
  if (typeof p.contains_nan === 'boolean') summary.containsNan = p.contains_nan;
  if (Buffer.isBuffer(p.lower_bound)) summary.lowerBound = new Uint8Array(p.lower_bound);
  if (Buffer.isBuffer(p.upper_bound)) summary.upperBound = new Uint8Array(p.upper_bound);
  return summary;
}
