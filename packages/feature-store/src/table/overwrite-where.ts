import type { DataSource } from '../engine/write-data-files.js';
import type { Filter } from '../iceberg/filter.js';
import type { AppendOptions } from './append-data.js';
import { assertInsideFilter } from './assert-inside-filter.js';
import { commitSnapshot } from './commit-snapshot.js';
import { rewriteMatchingFiles } from './rewrite-matching-files.js';
import { stageDataFiles } from './stage-data-files.js';
import type { Table } from './table-env.js';

/** Options of {@link overwriteWhere}. */
export interface OverwriteWhereOptions extends AppendOptions {
  /** Rows to replace: every current row matching it is removed, and every new row must match it. */
  where: Filter;
}

/**
 * Replaces exactly the rows matching `where` with the rows of `source`, in one snapshot (copy-on-write:
 * untouched files stay, partly matching files are rewritten without the matching rows). Re-running the
 * same write leaves the same rows, so recomputing one feature date inside a month partition is idempotent.
 * @throws InvalidInputError when a new row does not match `where` (nothing is committed).
 */
export async function overwriteWhere(
  table: Table,
  source: DataSource,
  options: OverwriteWhereOptions,
): Promise<Table> {
  const { env } = table;
  const added = await stageDataFiles(table, source, options);
  if (added.length > 0) {
    try {
      await assertInsideFilter(table, added, options.where);
    } catch (error) {
      await env.files.store.delete(added.map((f) => env.files.keyOf(f.filePath))).catch(() => undefined);
      throw error;
    }
  }
  return commitSnapshot(table, {
    operation: 'overwrite',
    added,
    replace: (base, uploaded) => rewriteMatchingFiles(table, base, options.where, uploaded),
    ...(options.properties ? { properties: options.properties } : {}),
  });
}
