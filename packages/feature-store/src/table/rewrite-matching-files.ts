import { filterToSql } from '../engine/filter-sql.js';
import { scanSql } from '../engine/scan-sql.js';
import { UnsupportedTableError } from '../errors.js';
import type { Filter } from '../iceberg/filter.js';
import { planScan } from '../iceberg/scan-plan.js';
import type { DataFile, TableMetadata } from '../iceberg/types.js';
import type { Replacement } from './commit-snapshot.js';
import { currentSchema } from './current-schema.js';
import { stageDataFiles } from './stage-data-files.js';
import type { Table } from './table-env.js';

/**
 * Copy-on-write removal of the rows matching `where` from the snapshot `base` points at: files the filter
 * prunes are untouched, files whose rows all match are removed, and files that match in part are removed
 * and rewritten (`added`) without the matching rows. A row where the filter is null does not match. Uploaded remainders are
 * recorded in `uploaded` so a failed commit can remove them.
 */
export async function rewriteMatchingFiles(
  table: Table,
  base: TableMetadata,
  where: Filter,
  uploaded: string[],
): Promise<Replacement> {
  const { env } = table;
  const removed = new Set<string>();
  const added: DataFile[] = [];
  const replacement: Replacement = { remove: (file) => removed.has(file.filePath), added };
  if (base.currentSnapshotId === undefined) return replacement;
  const schema = currentSchema(base);
  const plan = await planScan({ metadata: base, filter: where, readFile: (uri) => env.files.read(uri) });
  const condition = filterToSql({ filter: where, schema });
  for (const task of plan.tasks) {
    if (task.deletes.length > 0) {
      throw new UnsupportedTableError(
        `data file ${task.dataFile.filePath} has delete files; row-level overwrite of merge-on-read tables is not supported`,
      );
    }
    const relation = scanSql({
      tasks: [
        {
          localPath: await env.files.localPath(task.dataFile.filePath),
          fileUri: task.dataFile.filePath,
          dataSequenceNumber: task.dataSequenceNumber,
          deletes: [],
        },
      ],
      schema,
    });
    const [counts] = await env.db.query(
      `SELECT count(*) FILTER (WHERE (${condition}) IS TRUE) AS matched FROM ${relation} AS t`,
    );
    const matched = Number(counts?.matched ?? 0);
    if (matched === 0) continue;
    removed.add(task.dataFile.filePath);
    if (matched === task.dataFile.recordCount) continue;
    const remainder = await stageDataFiles(
      { env, loaded: { ...table.loaded, metadata: base } },
      { kind: 'sql', sql: `SELECT * FROM ${relation} AS t WHERE (${condition}) IS NOT TRUE` },
      { allowNaN: true },
    );
    uploaded.push(...remainder.map((f) => env.files.keyOf(f.filePath)));
    added.push(...remainder);
  }
  return replacement;
}
