import { describeFileColumns } from '../engine/describe-file-columns.js';
import type { ScanTask } from '../engine/scan-sql.js';
import { planScan, type ScanPlan } from '../iceberg/scan-plan.js';
import type { Schema, Snapshot } from '../iceberg/types.js';
import type { ReadOptions } from './read-options.js';
import type { Table } from './table-env.js';

/** A read resolved to one snapshot, its schema and the local files to open. */
export interface ReadPlan {
  /** Undefined for a table with no snapshot yet (reads are empty). */
  snapshot: Snapshot | undefined;
  schema: Schema;
  tasks: ScanTask[];
  stats: ScanPlan['stats'];
}

/**
 * Picks the snapshot a read sees (current, by id, or as of a time), plans its files with pruning, makes
 * each file readable locally (remote files are downloaded once into the store's cache), and reads their
 * column names from the footers (so scans can read them by name, in parallel).
 */
export async function planRead(table: Table, options: ReadOptions = {}): Promise<ReadPlan> {
  const { metadata } = table.loaded;
  const { files } = table.env;
  const plan = await planScan({
    metadata,
    ...(options.snapshotId !== undefined ? { snapshotId: options.snapshotId } : {}),
    ...(options.asOf !== undefined ? { asOfTimestampMs: Number(options.asOf) } : {}),
    ...(options.filter ? { filter: options.filter } : {}),
    readFile: (uri) => files.read(uri),
  });
  const tasks: ScanTask[] = await Promise.all(
    plan.tasks.map(async (task) => ({
      localPath: await files.localPath(task.dataFile.filePath),
      fileUri: task.dataFile.filePath,
      dataSequenceNumber: task.dataSequenceNumber,
      deletes: await Promise.all(
        task.deletes.map(async (d) => ({
          localPath: await files.localPath(d.file.filePath),
          content: d.file.content as 1 | 2,
          ...(d.file.equalityIds ? { equalityIds: d.file.equalityIds } : {}),
          sequenceNumber: d.sequenceNumber,
        })),
      ),
    })),
  );
  const described = await describeFileColumns(
    table.env.db,
    tasks.map((t) => t.localPath),
  );
  for (const task of tasks) {
    const columns = described.get(task.localPath);
    if (columns) task.columns = columns;
  }
  return { snapshot: plan.snapshot, schema: plan.schema, tasks, stats: plan.stats };
}
