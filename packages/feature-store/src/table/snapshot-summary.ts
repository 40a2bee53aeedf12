import type { DataFile, Snapshot } from '../iceberg/types.js';

/** What a commit adds and removes, for the snapshot summary. */
export interface SummaryChange {
  added: DataFile[];
  deleted: DataFile[];
  changedPartitions: number;
}

/**
 * The string-valued counters of a snapshot summary (spec "Snapshot Summary"), carried forward from the
 * parent's totals. Unknown parent totals (foreign writers may omit them) are left out rather than guessed.
 */
export function snapshotSummary(parent: Snapshot | undefined, change: SummaryChange): Record<string, string> {
  const sum = (files: DataFile[], pick: (f: DataFile) => number) => files.reduce((n, f) => n + pick(f), 0);
  const addedRecords = sum(change.added, (f) => f.recordCount);
  const addedSize = sum(change.added, (f) => f.fileSizeInBytes);
  const deletedRecords = sum(change.deleted, (f) => f.recordCount);
  const deletedSize = sum(change.deleted, (f) => f.fileSizeInBytes);
  const summary: Record<string, string> = {
    'added-data-files': String(change.added.length),
    'added-records': String(addedRecords),
    'added-files-size': String(addedSize),
    'changed-partition-count': String(change.changedPartitions),
  };
  if (change.deleted.length > 0) {
    summary['deleted-data-files'] = String(change.deleted.length);
    summary['deleted-records'] = String(deletedRecords);
    summary['removed-files-size'] = String(deletedSize);
  }
  const total = (key: string, delta: number) => {
    const before = parent ? parent.summary[key] : '0';
    if (before !== undefined && /^\d+$/.test(before)) summary[key] = String(Number(before) + delta);
  };
  total('total-records', addedRecords - deletedRecords);
  total('total-data-files', change.added.length - change.deleted.length);
  total('total-files-size', addedSize - deletedSize);
  total('total-delete-files', 0);
  total('total-position-deletes', 0);
  total('total-equality-deletes', 0);
  return summary;
}
