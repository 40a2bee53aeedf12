import { mkdir, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type * as arrow from 'apache-arrow';
import { InvalidInputError } from '../errors.js';
import type { PartitionSpec, Schema } from '../iceberg/types.js';
import type { DuckDb } from './duck-db.js';
import { toDuckDbType } from './duckdb-type.js';
import { loadArrowTable } from './load-arrow-table.js';
import { loadRows } from './load-rows.js';
import { partitionExpression } from './partition-expression.js';
import { quoteIdentifier, quoteLiteral } from './sql-quote.js';
import { type CopyStatsRow, type StagedDataFile, toStagedDataFile } from './staged-data-file.js';
import { normalizeDuckType, type SourceColumn, validateSource } from './validate-source.js';

/** Where the rows of a write come from. Columns are matched to the table schema by name. */
export type DataSource =
  | { kind: 'arrow'; table: arrow.Table }
  | { kind: 'parquet'; paths: string[] }
  /** A query run on the same {@link DuckDb}. */
  | { kind: 'sql'; sql: string }
  /** Plain row objects: a convenience for small inputs. */
  | { kind: 'rows'; rows: Record<string, unknown>[] };

/** A Parquet codec DuckDB writes. */
export type ParquetCompression = 'zstd' | 'snappy' | 'gzip' | 'uncompressed';

/** Options of {@link writeDataFiles}. */
export interface WriteDataFilesOptions {
  db: DuckDb;
  source: DataSource;
  /** The table schema the files are written in; Parquet field ids are its field ids. */
  schema: Schema;
  /** How rows split into files: one file per partition tuple. */
  spec: PartitionSpec;
  /** Local folder to write the files into; created if missing, must be empty. */
  stagingDir: string;
  /** Accept NaN in float/double columns; default false (NaN is an input error). */
  allowNaN?: boolean;
  /** Parquet codec; default `'zstd'`. */
  compression?: ParquetCompression;
  /**
   * Dictionary-encode columns that suit it (default true); false writes plain pages (only constant columns
   * keep a one-value dictionary), which halves the CPU spent on high-cardinality doubles for files a few
   * percent larger: for write-heavy tables.
   */
  dictionary?: boolean;
  /** Split files of more rows than this (files then hold at most this many rows); default: no split. */
  targetRowsPerFile?: number;
}

let relationCounter = 0;

/**
 * Validates a source against a table schema and writes it as Parquet data files ready to commit: one DuckDB
 * `COPY ... PARTITION_BY` pass writes one file per partition tuple, each column carrying its Iceberg field
 * id, and returns per-file stats (sizes, counts, Iceberg-encoded bounds) read from the writer itself. Bad
 * input ({@link validateSource}) throws before any file is written. Nothing is committed here.
 */
export async function writeDataFiles(
  options: WriteDataFilesOptions,
): Promise<{ files: StagedDataFile[]; recordCount: number }> {
  const { db, schema, spec } = options;
  const stagingDir = resolve(options.stagingDir);
  await mkdir(stagingDir, { recursive: true });
  if ((await readdir(stagingDir)).length > 0) {
    throw new InvalidInputError(
      `staging folder \`${stagingDir}\` is not empty; give each write a fresh folder`,
    );
  }
  const source = await openSource(db, options.source);
  try {
    const described = await db.query(`DESCRIBE SELECT * FROM ${source.relation}`);
    const columns: SourceColumn[] = described.map((r) => ({
      name: String(r.column_name),
      duckType: String(r.column_type),
    }));
    const validation = {
      db,
      relation: source.relation,
      columns,
      schema,
      allowNaN: options.allowNaN ?? false,
    };
    // Names and casts are checked before writing; nulls in required columns and NaNs are read from the
    // writer's own stats afterwards, which saves a full pass over the source when the input is clean.
    await validateSource({ ...validation, skipNullAndNaN: true });
    const copy = () => copyToParquet({ ...options, stagingDir, relation: source.relation, columns });
    let rows = await copy();
    if (breaksNullOrNaNRule(rows, schema, options.allowNaN ?? false)) {
      await rm(stagingDir, { recursive: true, force: true });
      await mkdir(stagingDir, { recursive: true });
      await validateSource(validation); // throws, naming the column, unless the stats were inconclusive
      rows = await copy();
    }
    const nanCounts = options.allowNaN ? await countNaNs(db, schema, rows) : new Map();
    const files: StagedDataFile[] = [];
    for (const row of rows) {
      if (Number(row.count) === 0) {
        await rm(row.filename, { force: true });
        continue;
      }
      files.push(toStagedDataFile({ row, schema, spec, nanCounts: nanCounts.get(row.filename) }));
    }
    return { files, recordCount: files.reduce((sum, f) => sum + f.recordCount, 0) };
  } finally {
    await source.release();
  }
}

/** True when a written file holds a null in a required column, or a NaN that is not allowed (or stats are missing). */
function breaksNullOrNaNRule(rows: CopyStatsRow[], schema: Schema, allowNaN: boolean): boolean {
  const required = schema.fields.filter((f) => f.required);
  const floats = allowNaN ? [] : schema.fields.filter((f) => f.type === 'float' || f.type === 'double');
  if (required.length === 0 && floats.length === 0) return false;
  return rows.some((row) => {
    if (Number(row.count) === 0) return false;
    const stats = new Map(
      (row.column_statistics ?? []).map((c) => [c.key, new Map(c.value.map((e) => [e.key, e.value]))]),
    );
    const of = (name: string) => stats.get(quoteIdentifier(name));
    return (
      required.some((f) => {
        const nulls = of(f.name)?.get('null_count');
        return nulls == null || Number(nulls) > 0;
      }) || floats.some((f) => of(f.name)?.get('has_nan') !== 'false')
    );
  });
}

async function openSource(
  db: DuckDb,
  source: DataSource,
): Promise<{ relation: string; release: () => Promise<void> }> {
  switch (source.kind) {
    case 'parquet':
      if (source.paths.length === 0) throw new InvalidInputError('a parquet source needs at least one path');
      return {
        relation: `read_parquet([${source.paths.map((p) => quoteLiteral(p)).join(', ')}], union_by_name = true)`,
        release: async () => {},
      };
    case 'sql':
      return { relation: `(${source.sql}) AS __fti_source`, release: async () => {} };
    case 'arrow':
    case 'rows': {
      const tableName = `__fti_source_${++relationCounter}`;
      const release = async (): Promise<void> =>
        db.run(`DROP TABLE IF EXISTS temp.main.${quoteIdentifier(tableName)}`);
      try {
        if (source.kind === 'arrow') await loadArrowTable({ db, table: source.table, tableName });
        else await loadRows({ db, rows: source.rows, tableName });
      } catch (error) {
        await release();
        throw error;
      }
      return { relation: `temp.main.${quoteIdentifier(tableName)}`, release };
    }
  }
}

async function copyToParquet(
  options: WriteDataFilesOptions & { relation: string; columns: SourceColumn[] },
): Promise<CopyStatsRow[]> {
  const { db, schema, spec, stagingDir, relation, columns, targetRowsPerFile } = options;
  const sourceTypes = new Map(columns.map((c) => [c.name, normalizeDuckType(c.duckType)]));
  const select = schema.fields.map((field) => {
    const name = quoteIdentifier(field.name);
    const type = toDuckDbType(field.type);
    const sourceType = sourceTypes.get(field.name);
    if (sourceType === undefined) return `CAST(NULL AS ${type}) AS ${name}`;
    return sourceType === type ? name : `CAST(${name} AS ${type}) AS ${name}`;
  });
  const partitions = spec.fields.map((partitionField, i) => {
    const source = schema.fields.find((f) => f.id === partitionField.sourceId);
    if (!source) {
      throw new InvalidInputError(
        `partition field \`${partitionField.name}\` refers to missing field id ${partitionField.sourceId}`,
      );
    }
    const expression = partitionExpression({
      column: quoteIdentifier(source.name),
      type: source.type,
      transform: partitionField.transform,
    });
    return `${expression} AS ${quoteIdentifier(`__p${i}`)}`;
  });
  const splitting = targetRowsPerFile !== undefined && targetRowsPerFile > 0;
  const partitionColumns = spec.fields.map((_, i) => quoteIdentifier(`__p${i}`));
  if (splitting) {
    // Exact caps: DuckDB cannot rotate files inside PARTITION_BY, and its row-group rotation lets parallel
    // writers overfill files. Split by row number as one more (hidden) partition key.
    partitions.push(`(row_number() OVER () - 1) // ${Math.floor(targetRowsPerFile)} AS "__chunk"`);
    partitionColumns.push('"__chunk"');
  }
  const fieldIds = schema.fields.map((f) => `${quoteLiteral(f.name)}: ${f.id}`).join(', ');
  const copyOptions = [
    'FORMAT parquet',
    `COMPRESSION ${options.compression ?? 'zstd'}`,
    ...(options.dictionary === false ? ['DICTIONARY_SIZE_LIMIT 1'] : []),
    `FIELD_IDS {${fieldIds}}`,
    'RETURN_STATS',
  ];
  let target = stagingDir;
  if (partitionColumns.length > 0) {
    copyOptions.push(`PARTITION_BY (${partitionColumns.join(', ')})`);
  } else {
    target = join(stagingDir, 'data_0.parquet');
  }
  const inner = `SELECT ${select.join(', ')} FROM ${relation}`;
  const query = partitions.length > 0 ? `SELECT *, ${partitions.join(', ')} FROM (${inner})` : inner;
  const sql = `COPY (${query}) TO ${quoteLiteral(target)} (${copyOptions.join(', ')})`;
  const reader = await db.connection.runAndReadAll(sql);
  return reader.getRowObjectsJson() as unknown as CopyStatsRow[];
}

/** Per file, per float/double field id: the NaN count (only when NaN is allowed and a file has any). */
async function countNaNs(
  db: DuckDb,
  schema: Schema,
  rows: CopyStatsRow[],
): Promise<Map<string, Map<number, number>>> {
  const result = new Map<string, Map<number, number>>();
  const floats = schema.fields.filter((f) => f.type === 'float' || f.type === 'double');
  const withNaN = rows.filter((row) =>
    (row.column_statistics ?? []).some((c) => c.value.some((e) => e.key === 'has_nan' && e.value === 'true')),
  );
  if (floats.length === 0 || withNaN.length === 0) return result;
  const counts = floats.map((f, i) => `count(*) FILTER (WHERE isnan(${quoteIdentifier(f.name)})) AS "n${i}"`);
  const paths = withNaN.map((r) => quoteLiteral(r.filename)).join(', ');
  const found = await db.query(
    `SELECT filename, ${counts.join(', ')} FROM read_parquet([${paths}], filename = true) GROUP BY filename`,
  );
  for (const row of found) {
    result.set(String(row.filename), new Map(floats.map((f, i) => [f.id, Number(row[`n${i}`])])));
  }
  return result;
}
