import { partitionPath } from '../iceberg/partition-path.js';
import { planScan } from '../iceberg/scan-plan.js';
import { currentSchema, currentSpec } from './current-schema.js';
import { listSnapshots, type SnapshotInfo } from './list-snapshots.js';
import type { Table } from './table-env.js';

/** A table at a glance: where it is, its history, and its current files per partition. */
export interface TableDescription {
  table: string;
  location: string;
  formatVersion: 2;
  columns: { id: number; name: string; type: string; required: boolean }[];
  partitionSpec: string[];
  snapshots: SnapshotInfo[];
  currentSnapshotId: bigint | undefined;
  /** Rows, data files and bytes of the current snapshot (live files only). */
  records: number;
  dataFiles: number;
  bytes: number;
  /** Per partition (path form, e.g. `invoice_date_month=2011-09`), sorted. */
  partitions: { partition: string; dataFiles: number; records: number }[];
}

/** Describes a table's schema, snapshots and current partitions, reading manifests only (no data file). */
export async function describeTable(table: Table): Promise<TableDescription> {
  const { metadata, identifier } = table.loaded;
  const schema = currentSchema(metadata);
  const spec = currentSpec(metadata);
  const base = {
    table: `${identifier.namespace}.${identifier.name}`,
    location: metadata.location,
    formatVersion: 2 as const,
    columns: schema.fields.map((f) => ({
      id: f.id,
      name: f.name,
      type: typeof f.type === 'string' ? f.type : f.type.type,
      required: f.required,
    })),
    partitionSpec: spec.fields.map(
      (f) => `${f.transform}(${schema.fields.find((c) => c.id === f.sourceId)?.name})`,
    ),
    snapshots: listSnapshots(table),
    currentSnapshotId: metadata.currentSnapshotId,
  };
  if (metadata.currentSnapshotId === undefined) {
    return { ...base, records: 0, dataFiles: 0, bytes: 0, partitions: [] };
  }
  const plan = await planScan({ metadata, readFile: (uri) => table.env.files.read(uri) });
  const byPartition = new Map<string, { dataFiles: number; records: number }>();
  let records = 0;
  let bytes = 0;
  for (const { dataFile } of plan.tasks) {
    records += dataFile.recordCount;
    bytes += dataFile.fileSizeInBytes;
    const key = spec.fields.length > 0 ? partitionPath(spec, schema, dataFile.partition) : '(unpartitioned)';
    const entry = byPartition.get(key) ?? { dataFiles: 0, records: 0 };
    entry.dataFiles += 1;
    entry.records += dataFile.recordCount;
    byPartition.set(key, entry);
  }
  const partitions = [...byPartition.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([partition, v]) => ({ partition, ...v }));
  return { ...base, records, dataFiles: plan.tasks.length, bytes, partitions };
}
