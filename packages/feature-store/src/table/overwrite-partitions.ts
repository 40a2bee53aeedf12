import type { DataSource } from '../engine/write-data-files.js';
import type { PartitionValues } from '../iceberg/types.js';
import type { AppendOptions } from './append-data.js';
import { commitSnapshot } from './commit-snapshot.js';
import { currentSpec } from './current-schema.js';
import { partitionKey } from './partition-key.js';
import { stageDataFiles } from './stage-data-files.js';
import type { Table } from './table-env.js';

/** Options of {@link overwritePartitions}. */
export interface OverwriteOptions extends AppendOptions {
  /**
   * Partitions to replace even if `source` has no rows for them (so a re-run that now yields nothing
   * empties them). Default: only the partitions the source's rows fall in.
   */
  partitions?: PartitionValues[];
}

/**
 * Replaces whole partitions with the rows of `source` in one snapshot: every current file of each partition
 * the new rows fall in (plus `options.partitions`) is removed and the new files added, atomically. Running
 * the same write twice leaves the same rows, which makes re-computing one feature date idempotent.
 */
export async function overwritePartitions(
  table: Table,
  source: DataSource,
  options: OverwriteOptions = {},
): Promise<Table> {
  const added = await stageDataFiles(table, source, options);
  const spec = currentSpec(table.loaded.metadata);
  const replaced = new Set(
    [...added.map((f) => f.partition), ...(options.partitions ?? [])].map((p) => partitionKey(spec, p)),
  );
  return commitSnapshot(table, {
    operation: 'overwrite',
    added,
    replace: () => ({ remove: (file) => replaced.has(partitionKey(spec, file.partition)) }),
    ...(options.properties ? { properties: options.properties } : {}),
  });
}
