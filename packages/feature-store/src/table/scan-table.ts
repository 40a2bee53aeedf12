import type * as arrow from 'apache-arrow';
import { collectArrowTable } from '../engine/collect-arrow-table.js';
import {
  type ColumnArrays,
  readColumns,
  readDataFiles,
  readDataFilesToTable,
} from '../engine/read-data-files.js';
import { scanSql } from '../engine/scan-sql.js';
import { planRead } from './plan-read.js';
import type { ReadOptions } from './read-options.js';
import type { Table } from './table-env.js';

/** Options of {@link scanTable}. */
export interface ScanOptions extends ReadOptions {
  /** Rows per record batch. Default 65536. */
  batchRows?: number;
}

/**
 * Streams a table's rows (current snapshot, or one chosen by id or time) as Arrow record batches with
 * bounded memory. Files are pruned by partition and column bounds when a filter is given.
 */
export async function* scanTable(table: Table, options: ScanOptions = {}): AsyncGenerator<arrow.RecordBatch> {
  const plan = await planRead(table, options);
  if (plan.tasks.length === 0) return;
  yield* readDataFiles({
    db: table.env.db,
    tasks: plan.tasks,
    schema: plan.schema,
    ...(options.columns ? { columns: options.columns } : {}),
    ...(options.filter ? { filter: options.filter } : {}),
    ...(options.batchRows ? { batchRows: options.batchRows } : {}),
  });
}

/** Reads a table's rows (see {@link scanTable}) into one Arrow table. */
export async function readTable(table: Table, options: ReadOptions = {}): Promise<arrow.Table> {
  const plan = await planRead(table, options);
  return readDataFilesToTable({
    db: table.env.db,
    tasks: plan.tasks,
    schema: plan.schema,
    ...(options.columns ? { columns: options.columns } : {}),
    ...(options.filter ? { filter: options.filter } : {}),
  });
}

/** Reads a table's rows into one typed array per column: the fastest path into JS for numeric work. */
export async function readTableColumns(table: Table, options: ReadOptions = {}): Promise<ColumnArrays> {
  const plan = await planRead(table, options);
  return readColumns({
    db: table.env.db,
    tasks: plan.tasks,
    schema: plan.schema,
    ...(options.columns ? { columns: options.columns } : {}),
    ...(options.filter ? { filter: options.filter } : {}),
  });
}

/**
 * A DuckDB table expression over a table's snapshot (deletes applied, columns by field id), for any SQL:
 * `SELECT ... FROM ${relation} AS t`. Also returns the snapshot id it pins, for lineage. With `rowAddress`
 * the relation also has `__fti_file` and `__fti_row` (`ROW_ADDRESS_COLUMNS`): each row's address, to
 * join results computed elsewhere back to the same rows of this relation string.
 */
export async function snapshotRelation(
  table: Table,
  options: ReadOptions & { rowAddress?: boolean } = {},
): Promise<{ relation: string; snapshotId: bigint | undefined }> {
  const plan = await planRead(table, options);
  const relation = scanSql({
    tasks: plan.tasks,
    schema: plan.schema,
    ...(options.columns ? { columns: options.columns } : {}),
    ...(options.filter ? { filter: options.filter } : {}),
    ...(options.rowAddress ? { rowAddress: true } : {}),
  });
  return { relation, snapshotId: plan.snapshot?.snapshotId };
}

/**
 * Runs SQL over a table's snapshot on the embedded DuckDB: `sql` receives the snapshot's relation and
 * returns the query. Small results only (rows as JS objects); use {@link queryTableArrow} for columns.
 */
export async function queryTable(
  table: Table,
  sql: (relation: string) => string,
  options: ReadOptions = {},
): Promise<Record<string, unknown>[]> {
  const { relation } = await snapshotRelation(table, options);
  return table.env.db.query(sql(relation));
}

/** Like {@link queryTable}, but returns the result as one Arrow table (typed columns, any size that fits). */
export async function queryTableArrow(
  table: Table,
  sql: (relation: string) => string,
  options: ReadOptions = {},
): Promise<arrow.Table> {
  const { relation } = await snapshotRelation(table, options);
  return collectArrowTable(table.env.db.connection, sql(relation));
}
