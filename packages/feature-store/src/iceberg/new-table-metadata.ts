import { InvalidInputError } from '../errors.js';
import { maxFieldId } from './max-field-id.js';
import type { PartitionSpec, Schema, TableMetadata } from './types.js';

/** Inputs of {@link newTableMetadata}. */
export interface NewTableMetadataOptions {
  /** Absolute URI of the table root (`file:///...`, `s3://...`); a trailing slash is removed. */
  location: string;
  /** The first schema (its `schemaId` is kept, normally 0). */
  schema: Schema;
  /** The first partition spec (its `specId` is kept, normally 0); no fields = unpartitioned. */
  spec: PartitionSpec;
  /** Table properties. Default: none. */
  properties?: Record<string, string>;
  /** The table's UUID, fixed for its whole life (injected so tests are deterministic). */
  tableUuid: string;
  /** Creation time, epoch milliseconds. */
  nowMs: number;
}

/**
 * Metadata of a new v2 table with no snapshot: sequence number 0, `last-partition-id` 999 when unpartitioned,
 * and the unsorted sort order 0.
 */
export function newTableMetadata(options: NewTableMetadataOptions): TableMetadata {
  const { schema, spec } = options;
  const columnIds = new Set(collectIds(schema));
  for (const field of spec.fields) {
    if (!columnIds.has(field.sourceId)) {
      throw new InvalidInputError(
        `partition field \`${field.name}\` uses source column id ${field.sourceId}, which is not in the schema`,
        field.name,
      );
    }
  }
  return {
    formatVersion: 2,
    tableUuid: options.tableUuid,
    location: options.location.replace(/\/+$/, ''),
    lastSequenceNumber: 0,
    lastUpdatedMs: options.nowMs,
    lastColumnId: maxFieldId(schema.fields),
    schemas: [schema],
    currentSchemaId: schema.schemaId,
    partitionSpecs: [spec],
    defaultSpecId: spec.specId,
    lastPartitionId: Math.max(999, ...spec.fields.map((f) => f.fieldId)),
    sortOrders: [{ orderId: 0, fields: [] }],
    defaultSortOrderId: 0,
    properties: { ...(options.properties ?? {}) },
    snapshots: [],
    refs: {},
    snapshotLog: [],
    metadataLog: [],
  };
}

function collectIds(schema: Schema): number[] {
  return schema.fields.map((f) => f.id);
}
