/**
 * In-memory model of Iceberg v2 table metadata, manifests and data files (spec: `format/spec.md`).
 * Field names are camelCase here; `table-metadata.ts`, `manifest.ts` and `manifest-list.ts` map them to
 * and from the spec's JSON and Avro names. Snapshot ids are `bigint` because other writers use all 63 bits.
 */

/** Primitive Iceberg types this library writes and reads. `decimal(P,S)` and `fixed[L]` are read only. */
export type PrimitiveType =
  | 'boolean'
  | 'int'
  | 'long'
  | 'float'
  | 'double'
  | 'date'
  | 'time'
  | 'timestamp'
  | 'timestamptz'
  | 'string'
  | 'uuid'
  | 'binary'
  | `decimal(${number},${number})`
  | `fixed[${number}]`;

/** Nested types, read from other writers' tables; this library writes primitives only. */
export interface StructType {
  type: 'struct';
  fields: NestedField[];
}
export interface ListType {
  type: 'list';
  elementId: number;
  element: IcebergType;
  elementRequired: boolean;
}
export interface MapType {
  type: 'map';
  keyId: number;
  key: IcebergType;
  valueId: number;
  value: IcebergType;
  valueRequired: boolean;
}
export type IcebergType = PrimitiveType | StructType | ListType | MapType;

/** One column of a schema; `id` is the Iceberg field id, kept for the column's whole life. */
export interface NestedField {
  id: number;
  name: string;
  required: boolean;
  type: IcebergType;
  doc?: string;
}

/** A schema version of a table. */
export interface Schema {
  schemaId: number;
  fields: NestedField[];
  identifierFieldIds?: number[];
}

/** Partition transforms this library writes; others (bucket, truncate, year, hour) are read for planning. */
export type Transform =
  | 'identity'
  | 'day'
  | 'month'
  | 'year'
  | 'hour'
  | 'void'
  | `bucket[${number}]`
  | `truncate[${number}]`;

export interface PartitionField {
  sourceId: number;
  /** Partition field id, from 1000 up. */
  fieldId: number;
  name: string;
  transform: Transform;
}

export interface PartitionSpec {
  specId: number;
  fields: PartitionField[];
}

export interface SortOrder {
  orderId: number;
  fields: {
    sourceId: number;
    transform: Transform;
    direction: 'asc' | 'desc';
    nullOrder: 'nulls-first' | 'nulls-last';
  }[];
}

/** `summary.operation` of a snapshot. */
export type SnapshotOperation = 'append' | 'replace' | 'overwrite' | 'delete';

export interface Snapshot {
  snapshotId: bigint;
  parentSnapshotId?: bigint;
  sequenceNumber: number;
  timestampMs: number;
  /** Absolute URI of the manifest list. */
  manifestList: string;
  schemaId?: number;
  /** `operation` plus string-valued counts (`added-records`, `total-records`, ...) and user properties. */
  summary: { operation: SnapshotOperation } & Record<string, string>;
}

export interface SnapshotRef {
  snapshotId: bigint;
  type: 'branch' | 'tag';
}

export interface TableMetadata {
  formatVersion: 2;
  tableUuid: string;
  /** Absolute URI of the table's root (`file:///...` or `s3://...`), no trailing slash. */
  location: string;
  lastSequenceNumber: number;
  lastUpdatedMs: number;
  lastColumnId: number;
  schemas: Schema[];
  currentSchemaId: number;
  partitionSpecs: PartitionSpec[];
  defaultSpecId: number;
  lastPartitionId: number;
  sortOrders: SortOrder[];
  defaultSortOrderId: number;
  properties: Record<string, string>;
  currentSnapshotId?: bigint;
  snapshots: Snapshot[];
  refs: Record<string, SnapshotRef>;
  snapshotLog: { snapshotId: bigint; timestampMs: number }[];
  metadataLog: { metadataFile: string; timestampMs: number }[];
}

/** `content` of a data or delete file. */
export const FileContent = { data: 0, positionDeletes: 1, equalityDeletes: 2 } as const;
export type FileContent = (typeof FileContent)[keyof typeof FileContent];

/** A partition tuple: partition field name to its transformed value (int for day/month, raw for identity). */
export type PartitionValues = Record<string, PartitionValue>;
export type PartitionValue = number | bigint | string | boolean | Uint8Array | null;

/** One data or delete file as recorded in a manifest (`data_file` struct, field ids 100-146). */
export interface DataFile {
  content: FileContent;
  /** Absolute URI of the file. */
  filePath: string;
  fileFormat: 'PARQUET' | 'AVRO' | 'ORC';
  partition: PartitionValues;
  recordCount: number;
  fileSizeInBytes: number;
  /** Per field id. Absent maps mean the writer recorded none. */
  columnSizes?: Map<number, number>;
  valueCounts?: Map<number, number>;
  nullValueCounts?: Map<number, number>;
  nanValueCounts?: Map<number, number>;
  /** Single-value binary encoding (spec Appendix D). */
  lowerBounds?: Map<number, Uint8Array>;
  upperBounds?: Map<number, Uint8Array>;
  splitOffsets?: number[];
  equalityIds?: number[];
  sortOrderId?: number;
  /** Position delete files only: the data file they apply to (field 143), when the writer recorded it. */
  referencedDataFile?: string;
}

/** `status` of a manifest entry. */
export const EntryStatus = { existing: 0, added: 1, deleted: 2 } as const;
export type EntryStatus = (typeof EntryStatus)[keyof typeof EntryStatus];

export interface ManifestEntry {
  status: EntryStatus;
  /** Null when inherited from the manifest list entry (ADDED entries of v2 writers). */
  snapshotId: bigint | null;
  sequenceNumber: number | null;
  fileSequenceNumber: number | null;
  dataFile: DataFile;
}

/** Per partition field summary in a manifest list entry (field 507). */
export interface FieldSummary {
  containsNull: boolean;
  containsNan?: boolean;
  lowerBound?: Uint8Array;
  upperBound?: Uint8Array;
}

/** One entry of a manifest list. */
export interface ManifestFile {
  manifestPath: string;
  manifestLength: number;
  partitionSpecId: number;
  /** 0 data, 1 deletes. */
  content: 0 | 1;
  sequenceNumber: number;
  minSequenceNumber: number;
  addedSnapshotId: bigint;
  addedFilesCount: number;
  existingFilesCount: number;
  deletedFilesCount: number;
  addedRowsCount: number;
  existingRowsCount: number;
  deletedRowsCount: number;
  partitions?: FieldSummary[];
}
