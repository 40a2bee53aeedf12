import type { DataSource } from '../engine/write-data-files.js';
import { commitSnapshot } from './commit-snapshot.js';
import { type StageOptions, stageDataFiles } from './stage-data-files.js';
import type { Table } from './table-env.js';

/** Options of {@link appendData}. */
export interface AppendOptions extends StageOptions {
  /** Extra snapshot summary properties, e.g. lineage (`fti.run-id`). Default none. */
  properties?: Record<string, string>;
}

/**
 * Appends rows to a table as one new snapshot. Rows are validated first: bad input throws an
 * InvalidInputError naming the column and nothing is committed. Concurrent appends all land, each once.
 */
export async function appendData(
  table: Table,
  source: DataSource,
  options: AppendOptions = {},
): Promise<Table> {
  const added = await stageDataFiles(table, source, options);
  return commitSnapshot(table, {
    operation: 'append',
    added,
    ...(options.properties ? { properties: options.properties } : {}),
  });
}
