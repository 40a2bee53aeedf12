import { filterToSql } from '../engine/filter-sql.js';
import { scanSql } from '../engine/scan-sql.js';
import type { DataSource } from '../engine/write-data-files.js';
import { InvalidInputError } from '../errors.js';
import type { Filter } from '../iceberg/filter.js';
import type { AppendOptions } from './append-data.js';
import { commitSnapshot } from './commit-snapshot.js';
import { currentSchema } from './current-schema.js';
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
  const schema = currentSchema(table.loaded.metadata);
  if (added.length > 0) {
    const tasks = await Promise.all(
      added.map(async (f) => ({
        localPath: await env.files.localPath(f.filePath),
        fileUri: f.filePath,
        dataSequenceNumber: 0,
        deletes: [],
      })),
    );
    const condition = filterToSql({ filter: options.where, schema });
    const [row] = await env.db.query(
      `SELECT count(*) FILTER (WHERE (${condition}) IS NOT TRUE) AS outside FROM ${scanSql({ tasks, schema })} AS t`,
    );
    const outside = Number(row?.outside ?? 0);
    if (outside > 0) {
      await env.files.store.delete(added.map((f) => env.files.keyOf(f.filePath))).catch(() => undefined);
      throw new InvalidInputError(
        `${outside} new rows do not match the overwrite filter ${JSON.stringify(options.where, (_, v) => (typeof v === 'bigint' ? String(v) : v))}; every written row must fall inside what it replaces`,
      );
    }
  }
  return commitSnapshot(table, {
    operation: 'overwrite',
    added,
    replace: (base, uploaded) => rewriteMatchingFiles(table, base, options.where, uploaded),
    ...(options.properties ? { properties: options.properties } : {}),
  });
}
