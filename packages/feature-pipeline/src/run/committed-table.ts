import type { Table } from '@fti/feature-store';
import type { CommittedTable } from './run-summary.js';

/** The table's current snapshot as a {@link CommittedTable}: its id and the rows its commit added. */
export function committedTable(table: Table): CommittedTable {
  const { metadata, identifier } = table.loaded;
  const current = metadata.snapshots.find((s) => s.snapshotId === metadata.currentSnapshotId);
  return {
    table: `${identifier.namespace}.${identifier.name}`,
    snapshotId: String(metadata.currentSnapshotId),
    rows: Number(current?.summary['added-records'] ?? 0),
  };
}
