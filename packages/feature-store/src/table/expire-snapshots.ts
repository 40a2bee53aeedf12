import { readManifest } from '../iceberg/manifest.js';
import { readManifestList } from '../iceberg/manifest-list.js';
import { EntryStatus, type Snapshot } from '../iceberg/types.js';
import { commitMetadata } from './commit-metadata.js';
import type { Table } from './table-env.js';

/** Options of {@link expireSnapshots}. */
export interface ExpireOptions {
  /** Expire snapshots committed before this time (epoch ms). Default: all but the retained ones. */
  olderThanMs?: number;
  /** Always keep at least this many of the newest snapshots (the current one is always kept). Default 1. */
  retainLast?: number;
}

/** What {@link expireSnapshots} removed. */
export interface ExpireResult {
  table: Table;
  expiredSnapshotIds: bigint[];
  deletedDataFiles: number;
  deletedManifests: number;
  deletedManifestLists: number;
}

/**
 * Removes old snapshots from the table's history, then deletes the files only they referenced (manifest
 * lists, manifests, data files). Files still reachable from a kept snapshot are never touched; deletion
 * happens only after the new metadata is committed, so a failure leaves the table readable.
 */
export async function expireSnapshots(table: Table, options: ExpireOptions = {}): Promise<ExpireResult> {
  const retainLast = Math.max(1, options.retainLast ?? 1);
  let expired: Snapshot[] = [];
  let kept: Snapshot[] = [];
  const committed = await commitMetadata(table, (base) => {
    const newestFirst = [...base.snapshots].sort((a, b) => b.sequenceNumber - a.sequenceNumber);
    const protectedIds = new Set<bigint>(newestFirst.slice(0, retainLast).map((s) => s.snapshotId));
    if (base.currentSnapshotId !== undefined) protectedIds.add(base.currentSnapshotId);
    for (const ref of Object.values(base.refs)) protectedIds.add(ref.snapshotId);
    const cutoff = options.olderThanMs ?? Number.POSITIVE_INFINITY;
    expired = base.snapshots.filter((s) => !protectedIds.has(s.snapshotId) && s.timestampMs < cutoff);
    const gone = new Set(expired.map((s) => s.snapshotId));
    kept = base.snapshots.filter((s) => !gone.has(s.snapshotId));
    return {
      ...base,
      snapshots: kept,
      snapshotLog: base.snapshotLog.filter((e) => !gone.has(e.snapshotId)),
    };
  });
  if (expired.length === 0) {
    return {
      table: committed,
      expiredSnapshotIds: [],
      deletedDataFiles: 0,
      deletedManifests: 0,
      deletedManifestLists: 0,
    };
  }
  const { files } = table.env;
  const manifestsOf = async (s: Snapshot) =>
    readManifestList(await files.read(s.manifestList), s.manifestList);
  const keptLists = new Set(kept.map((s) => s.manifestList));
  const keptManifests = new Set<string>();
  const liveData = new Set<string>();
  for (const snapshot of kept) {
    for (const m of await manifestsOf(snapshot)) {
      if (keptManifests.has(m.manifestPath)) continue;
      keptManifests.add(m.manifestPath);
      for (const e of readManifest(await files.read(m.manifestPath), m.manifestPath).entries) {
        if (e.status !== EntryStatus.deleted) liveData.add(e.dataFile.filePath);
      }
    }
  }
  const lists = new Set<string>();
  const manifests = new Set<string>();
  const data = new Set<string>();
  for (const snapshot of expired) {
    if (!keptLists.has(snapshot.manifestList)) lists.add(snapshot.manifestList);
    for (const m of await manifestsOf(snapshot)) {
      if (keptManifests.has(m.manifestPath) || manifests.has(m.manifestPath)) continue;
      manifests.add(m.manifestPath);
      for (const e of readManifest(await files.read(m.manifestPath), m.manifestPath).entries) {
        if (!liveData.has(e.dataFile.filePath)) data.add(e.dataFile.filePath);
      }
    }
  }
  const keys = [...data, ...manifests, ...lists].map((uri) => files.keyOf(uri));
  await files.store.delete(keys);
  return {
    table: committed,
    expiredSnapshotIds: expired.map((s) => s.snapshotId),
    deletedDataFiles: data.size,
    deletedManifests: manifests.size,
    deletedManifestLists: lists.size,
  };
}
