import { InvalidInputError } from '../errors.js';
import type { Filter } from '../iceberg/filter.js';
import type { NestedField, Schema } from '../iceberg/types.js';
import type { FileColumn } from './describe-file-columns.js';
import { toDuckDbType } from './duckdb-type.js';
import { filterColumns, filterToSql } from './filter-sql.js';
import { quoteIdentifier, quoteLiteral } from './sql-quote.js';

/** A delete file that applies to a data file of a scan, already downloaded. */
export interface DeleteFileTask {
  localPath: string;
  /** 1 position deletes (`file_path`, `pos`), 2 equality deletes. */
  content: 1 | 2;
  /** Field ids compared by an equality delete file. */
  equalityIds?: number[];
  /** Data sequence number of the delete file. */
  sequenceNumber: number;
}

/** One data file to read, already downloaded, with the delete files that may apply to it. */
export interface ScanTask {
  localPath: string;
  /**
   * The file's top-level columns by field id (from its footer, see `describeFileColumns`); when every data
   * file without deletes names each read field alike, in its table type, they are read by name, which DuckDB
   * scans in parallel by row group (reading by field id, it gives each file one thread). Default: by id.
   */
  columns?: ReadonlyMap<number, FileColumn>;
  /** The file's URI as recorded in the manifest: position delete files name data files by it. */
  fileUri: string;
  /** Data sequence number of the data file. */
  dataSequenceNumber: number;
  deletes: DeleteFileTask[];
}

/** Options of {@link scanSql}. */
export interface ScanSqlOptions {
  tasks: ScanTask[];
  /** The schema to read in: columns are found in each file by field id, so renamed columns read right and
   * columns added after a file was written read as null. */
  schema: Schema;
  /** Columns to return, in this order; default: every schema column. */
  columns?: string[];
  /** Rows to keep. */
  filter?: Filter;
  /**
   * Also return each row's address in the scan: `__fti_file` (INTEGER, the data file's number within this
   * relation) and `__fti_row` (BIGINT, the row's position in that file). Together they identify a row, so
   * results computed outside DuckDB can be joined back to the relation; a filter on them skips the other
   * files and row groups. Default false.
   */
  rowAddress?: boolean;
}

/** Columns {@link scanSql} adds with `rowAddress`: the data file's number and the row's position in it. */
export const ROW_ADDRESS_COLUMNS = { file: '__fti_file', row: '__fti_row' } as const;

/**
 * A DuckDB table expression (a parenthesised subquery) reading a planned scan: Parquet columns matched by
 * field id, position deletes applied to data files of data sequence number ≤ the delete's, equality deletes
 * to data files of a smaller data sequence number (null-safe equality), then the filter. Use it as
 * `SELECT ... FROM <scanSql> AS t` to run any SQL over a snapshot.
 */
export function scanSql(options: ScanSqlOptions): string {
  const { tasks, schema } = options;
  const byName = new Map(schema.fields.map((f) => [f.name, f]));
  const output = (options.columns ?? schema.fields.map((f) => f.name)).map((name) => {
    const field = byName.get(name);
    if (!field) {
      throw new InvalidInputError(
        `column \`${name}\` is not in the table schema (columns: ${schema.fields.map((f) => f.name).join(', ')})`,
        name,
      );
    }
    return field;
  });
  const whereOf = (columnSql: (field: NestedField) => string): string =>
    options.filter ? filterToSql({ filter: options.filter, schema, columnSql }) : 'TRUE';
  const where = whereOf((field) => alias(field.id));
  if (tasks.length === 0) {
    const empty = output.map((f) => `CAST(NULL AS ${toDuckDbType(f.type)}) AS ${quoteIdentifier(f.name)}`);
    if (options.rowAddress)
      empty.push(
        `CAST(NULL AS INTEGER) AS ${quoteIdentifier(ROW_ADDRESS_COLUMNS.file)}`,
        `CAST(NULL AS BIGINT) AS ${quoteIdentifier(ROW_ADDRESS_COLUMNS.row)}`,
      );
    return `(SELECT ${empty.join(', ') || '1 AS "__none"'} WHERE FALSE)`;
  }
  const needed = new Map<number, NestedField>(output.map((f) => [f.id, f]));
  for (const name of options.filter ? filterColumns(options.filter) : []) {
    const field = byName.get(name) as NestedField;
    needed.set(field.id, field);
  }
  const plain = tasks.filter((t) => t.deletes.length === 0);
  const deleted = tasks.filter((t) => t.deletes.length > 0);
  const parts: string[] = [];
  if (plain.length > 0) {
    const files = plain.map((t) => quoteLiteral(t.localPath)).join(', ');
    const firstFile = options.rowAddress ? 0 : undefined;
    const names = sharedNames(plain, [...needed.values()]);
    if (names) {
      const physical = (field: NestedField) => quoteIdentifier(names.get(field.id) as string);
      parts.push(
        `SELECT ${selectList(output, firstFile, physical)} FROM read_parquet([${files}]) WHERE ${whereOf(physical)}`,
      );
    } else {
      parts.push(
        `SELECT ${selectList(output, firstFile)} FROM read_parquet([${files}], schema = ${schemaMap([...needed.values()])}) WHERE ${where}`,
      );
    }
  }
  if (deleted.length > 0) {
    // Files with deletes are numbered after the plain ones.
    const select = selectList(output, options.rowAddress ? plain.length : undefined);
    parts.push(deletedPart({ tasks: deleted, schema, needed, select, where }));
  }
  return `(${parts.join(' UNION ALL ')})`;
}

function deletedPart(options: {
  tasks: ScanTask[];
  schema: Schema;
  needed: Map<number, NestedField>;
  select: string;
  where: string;
}): string {
  const { tasks, schema, needed, select, where } = options;
  const fieldsById = new Map(schema.fields.map((f) => [f.id, f]));
  const positionDeletes = new Map<string, number>();
  const equalityDeletes = new Map<string, { ids: number[]; sequenceNumber: number; tasks: number[] }>();
  tasks.forEach((task, index) => {
    for (const file of task.deletes) {
      if (file.content === 1) positionDeletes.set(file.localPath, file.sequenceNumber);
      else {
        const ids = file.equalityIds ?? [];
        if (ids.length === 0)
          throw new InvalidInputError(`equality delete file \`${file.localPath}\` lists no equality ids`);
        for (const id of ids) {
          const field = fieldsById.get(id);
          if (!field)
            throw new InvalidInputError(
              `equality delete file \`${file.localPath}\` compares field id ${id}, which is not in the read schema`,
            );
          needed.set(id, field);
        }
        const entry = equalityDeletes.get(file.localPath) ?? {
          ids,
          sequenceNumber: file.sequenceNumber,
          tasks: [],
        };
        entry.tasks.push(index);
        equalityDeletes.set(file.localPath, entry);
      }
    }
  });
  const files = tasks.map((t) => quoteLiteral(t.localPath)).join(', ');
  const map = tasks
    .map(
      (t, i) => `(${quoteLiteral(t.localPath)}, ${quoteLiteral(t.fileUri)}, ${t.dataSequenceNumber}, ${i})`,
    )
    .join(', ');
  let sql =
    `SELECT ${select} FROM (SELECT d.*, d.file_index, f.__uri, f.__seq, f.__task FROM read_parquet([${files}], ` +
    `schema = ${schemaMap([...needed.values()])}, filename = true, file_row_number = true) AS d ` +
    `JOIN (VALUES ${map}) AS f(__path, __uri, __seq, __task) ON d.filename = f.__path) AS d`;
  if (positionDeletes.size > 0) {
    const union = [...positionDeletes]
      .map(([path, seq]) => `SELECT file_path, pos, ${seq} AS __seq FROM read_parquet(${quoteLiteral(path)})`)
      .join(' UNION ALL ');
    sql += ` ANTI JOIN (${union}) AS pd ON pd.file_path = d.__uri AND pd.pos = d.file_row_number AND d.__seq <= pd.__seq`;
  }
  // One anti join per set of equality ids: rows match when every compared column is equal, nulls included.
  const groups = new Map<string, { ids: number[]; files: string[] }>();
  for (const [path, entry] of equalityDeletes) {
    const key = entry.ids.join(',');
    const group = groups.get(key) ?? { ids: entry.ids, files: [] };
    const targets = `[${entry.tasks.join(', ')}]`;
    const columns = entry.ids.map((id) => alias(id)).join(', ');
    group.files.push(
      `SELECT ${columns}, ${entry.sequenceNumber} AS __seq, ${targets} AS __tasks FROM read_parquet(${quoteLiteral(path)}, ` +
        `schema = ${schemaMap(entry.ids.map((id) => fieldsById.get(id) as NestedField))})`,
    );
    groups.set(key, group);
  }
  [...groups.values()].forEach((group, i) => {
    const e = `ed${i}`;
    const equal = group.ids
      .map((id) => `d.${alias(id)} IS NOT DISTINCT FROM ${e}.${alias(id)}`)
      .join(' AND ');
    sql += ` ANTI JOIN (${group.files.join(' UNION ALL ')}) AS ${e} ON ${equal} AND d.__seq < ${e}.__seq AND list_contains(${e}.__tasks, d.__task)`;
  });
  return `${sql} WHERE ${where}`;
}

/**
 * The name every task's file gives each field, when they all agree and read as the field's type (so no
 * cast is needed and filters reach the Parquet reader); `undefined` otherwise.
 */
function sharedNames(tasks: ScanTask[], fields: NestedField[]): Map<number, string> | undefined {
  const names = new Map<number, string>();
  for (const field of fields) {
    if (typeof field.type !== 'string') return undefined;
    const type = toDuckDbType(field.type);
    for (const task of tasks) {
      const column = task.columns?.get(field.id);
      if (!column || column.duckType !== type) return undefined;
      const name = names.get(field.id);
      if (name === undefined) names.set(field.id, column.name);
      else if (name !== column.name) return undefined;
    }
  }
  // Two fields read from one name (a file column renamed onto another's old name) would be ambiguous.
  return new Set(names.values()).size === names.size ? names : undefined;
}

/** The output columns, then the row address (file numbers from `firstFile`) when asked for. */
function selectList(
  output: NestedField[],
  firstFile: number | undefined,
  column: (field: NestedField) => string = (field) => alias(field.id),
): string {
  const columns = output.map((f) => `${column(f)} AS ${quoteIdentifier(f.name)}`);
  if (firstFile !== undefined)
    columns.push(
      `CAST(file_index AS INTEGER)${firstFile > 0 ? ` + ${firstFile}` : ''} AS ${quoteIdentifier(ROW_ADDRESS_COLUMNS.file)}`,
      `file_row_number AS ${quoteIdentifier(ROW_ADDRESS_COLUMNS.row)}`,
    );
  return columns.join(', ') || '1 AS "__none"';
}

/** Internal column name of a field inside the scan (`__c<id>`), immune to clashes and odd names. */
function alias(id: number): string {
  return quoteIdentifier(`__c${id}`);
}

function schemaMap(fields: NestedField[]): string {
  const entries = fields.map(
    (f) =>
      `${f.id}: {name: ${quoteLiteral(`__c${f.id}`)}, type: ${quoteLiteral(toDuckDbType(f.type))}, default_value: NULL}`,
  );
  return `map {${entries.join(', ')}}`;
}
