import type { Snapshot } from '../iceberg/types.js';
import type { Table } from './table-env.js';

/** A snapshot as users see it: id, time, operation and the row count it leaves. */
export interface SnapshotInfo {
  snapshotId: bigint;
  parentSnapshotId?: bigint;
  sequenceNumber: number;
  timestampMs: number;
  operation: Snapshot['summary']['operation'];
  /** `total-records` after this snapshot, when the writer recorded it. */
  totalRecords?: number;
  summary: Record<string, string>;
  /** True for the table's current snapshot. */
  current: boolean;
}

/** The table's snapshots, oldest first. */
export function listSnapshots(table: Table): SnapshotInfo[] {
  const { metadata } = table.loaded;
  return [...metadata.snapshots]
    .sort((a, b) => a.sequenceNumber - b.sequenceNumber || a.timestampMs - b.timestampMs)
    .map((s) => {
      const total = s.summary['total-records'];
      return {
        snapshotId: s.snapshotId,
        ...(s.parentSnapshotId !== undefined ? { parentSnapshotId: s.parentSnapshotId } : {}),
        sequenceNumber: s.sequenceNumber,
        timestampMs: s.timestampMs,
        operation: s.summary.operation,
        ...(total !== undefined ? { totalRecords: Number(total) } : {}),
        summary: { ...s.summary },
        current: s.snapshotId === metadata.currentSnapshotId,
      };
    });
}
