import { filterToSql } from '../engine/filter-sql.js';
import { scanSql } from '../engine/scan-sql.js';
import { InvalidInputError } from '../errors.js';
import type { Filter } from '../iceberg/filter.js';
import type { DataFile } from '../iceberg/types.js';
import { currentSchema } from './current-schema.js';
import type { Table } from './table-env.js';

/**
 * Throws an InvalidInputError when a row of the given (uploaded, uncommitted) data files does not match an
 * overwrite filter: such a row would not be replaced by a re-run, so overwrites would stop being idempotent.
 */
export async function assertInsideFilter(table: Table, files: DataFile[], where: Filter): Promise<void> {
  const { env } = table;
  const schema = currentSchema(table.loaded.metadata);
  const tasks = await Promise.all(
    files.map(async (f) => ({
      localPath: await env.files.localPath(f.filePath),
      fileUri: f.filePath,
      dataSequenceNumber: 0,
      deletes: [],
    })),
  );
  const condition = filterToSql({ filter: where, schema });
  const [row] = await env.db.query(
    `SELECT count(*) FILTER (WHERE (${condition}) IS NOT TRUE) AS outside FROM ${scanSql({ tasks, schema })} AS t`,
  );
  const outside = Number(row?.outside ?? 0);
  if (outside > 0)
    throw new InvalidInputError(
      `${outside} new rows do not match the overwrite filter ${JSON.stringify(where, (_, v) => (typeof v === 'bigint' ? String(v) : v))}; every written row must fall inside what it replaces`,
    );
}
