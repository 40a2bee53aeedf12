import type { TableMetadata } from '../iceberg/types.js';

/**
 * A small valid Iceberg v2 table metadata with no snapshot (customer_id long, ts timestamptz, amount
 * double; unpartitioned), for catalog and table tests. `location` is the table's absolute URI.
 */
export function sampleTableMetadata(options: {
  location: string;
  tableUuid?: string;
  nowMs?: number;
}): TableMetadata {
  return {
    formatVersion: 2,
    tableUuid: options.tableUuid ?? '9c12d441-03fe-4693-9a96-a0705ddf69c1',
    location: options.location,
    lastSequenceNumber: 0,
    lastUpdatedMs: options.nowMs ?? 1_700_000_000_000,
    lastColumnId: 3,
    schemas: [
      {
        schemaId: 0,
        fields: [
          { id: 1, name: 'customer_id', required: true, type: 'long' },
          { id: 2, name: 'ts', required: true, type: 'timestamptz' },
          { id: 3, name: 'amount', required: false, type: 'double', doc: 'order total in EUR' },
        ],
      },
    ],
    currentSchemaId: 0,
    partitionSpecs: [{ specId: 0, fields: [] }],
    defaultSpecId: 0,
    lastPartitionId: 999,
    sortOrders: [{ orderId: 0, fields: [] }],
    defaultSortOrderId: 0,
    properties: {},
    snapshots: [],
    refs: {},
    snapshotLog: [],
    metadataLog: [],
  };
}
