import { SnapshotNotFoundError } from '../errors.js';
import type { Snapshot, TableMetadata } from './types.js';

/** Which snapshot to read: by id, as of a time, or (neither) the current one. */
export interface SnapshotSelector {
  /** Exact snapshot id. */
  snapshotId?: bigint;
  /** Epoch ms: the snapshot that was current at that time (latest `snapshot-log` entry at or before it). */
  asOfTimestampMs?: number;
}

/**
 * Picks the snapshot to read. As-of follows the `snapshot-log` order (the main branch's history), so rolled-back
 * snapshots are not chosen. Returns undefined only for a table without snapshots when nothing was asked for.
 * @throws SnapshotNotFoundError when the id is unknown, or nothing was current at the time asked for.
 */
export function selectSnapshot(
  metadata: TableMetadata,
  selector: SnapshotSelector = {},
): Snapshot | undefined {
  const byId = (id: bigint) => metadata.snapshots.find((s) => s.snapshotId === id);
  if (selector.snapshotId !== undefined) {
    const snapshot = byId(selector.snapshotId);
    if (!snapshot) {
      throw new SnapshotNotFoundError(
        `snapshot ${selector.snapshotId} does not exist in table ${metadata.location}${describeAvailable(metadata)}`,
      );
    }
    return snapshot;
  }
  if (selector.asOfTimestampMs !== undefined) {
    const t = selector.asOfTimestampMs;
    let chosen: bigint | undefined;
    for (const entry of metadata.snapshotLog) if (entry.timestampMs <= t) chosen = entry.snapshotId;
    if (chosen === undefined) {
      const first = metadata.snapshotLog[0];
      const when = Number.isFinite(t) ? new Date(t).toISOString() : String(t);
      throw new SnapshotNotFoundError(
        first
          ? `table ${metadata.location} has no snapshot at or before ${when}; its first snapshot is from ${new Date(first.timestampMs).toISOString()}`
          : `table ${metadata.location} has no snapshot at or before ${when}; it has no snapshots yet`,
      );
    }
    const snapshot = byId(chosen);
    if (!snapshot) {
      throw new SnapshotNotFoundError(
        `snapshot ${chosen}, current at ${new Date(t).toISOString()}, has been expired from table ${metadata.location}`,
      );
    }
    return snapshot;
  }
  if (metadata.currentSnapshotId === undefined) return undefined;
  const current = byId(metadata.currentSnapshotId);
  if (!current)
    throw new SnapshotNotFoundError(
      `current snapshot ${metadata.currentSnapshotId} is missing from the metadata`,
    );
  return current;
}

function describeAvailable(metadata: TableMetadata): string {
  if (metadata.snapshots.length === 0) return '; the table has no snapshots yet';
  const ids = metadata.snapshots.slice(-5).map((s) => String(s.snapshotId));
  return `; latest snapshots: ${ids.join(', ')}`;
}
