import { randomBytes } from 'node:crypto';
import { type DuckDb, quoteIdentifier, quoteLiteral } from '@fti/feature-store';
import type { ColumnType } from '../definition/source.js';
import type { CsvReject, CsvRejects, ExtractContext, Extracted } from './extract-context.js';
import { SourceSchemaError } from './extract-errors.js';
import { listSourceFiles, type SourceFiles } from './list-source-files.js';
import { readCsvHeader } from './read-csv-header.js';
import type { CsvSource } from './source-config.js';

const DUCKDB_TYPES: Record<ColumnType, string> = {
  int: 'INTEGER',
  long: 'BIGINT',
  double: 'DOUBLE',
  string: 'VARCHAR',
  boolean: 'BOOLEAN',
  date: 'DATE',
  timestamp: 'TIMESTAMP',
};

/**
 * Extracts CSV files into a table `"<name>"` (materialised once, so its rejects are counted once): the header
 * must name every declared column (others are read as text and dropped), values are cast to the declared
 * types, and every line DuckDB cannot read (a bad value, missing or extra fields, an unparseable timestamp)
 * is rejected through `read_csv(..., store_rejects = true)` and reported with its file, line and column.
 */
export async function extractCsv(source: CsvSource, ctx: ExtractContext): Promise<Extracted> {
  const files = await listSourceFiles(source.name, source.path, ctx);
  const header = await checkHeaders(source, files);
  const db = ctx.warehouse.db;
  const suffix = randomBytes(6).toString('hex');
  const rejectsTable = `fti_csv_rejects_${suffix}`;
  const rejectsScan = `fti_csv_scans_${suffix}`;
  const columns = header
    .map((name) => `${quoteLiteral(name)}: ${quoteLiteral(typeOf(source, name))}`)
    .join(', ');
  const options = [
    'header = true',
    'auto_detect = false',
    `columns = {${columns}}`,
    `delim = ${quoteLiteral(source.delimiter)}`,
    `quote = ${quoteLiteral(source.quote)}`,
    `escape = ${quoteLiteral(source.quote)}`,
    `nullstr = ${quoteLiteral(source.nullString)}`,
    ...(source.timestampFormat ? [`timestampformat = ${quoteLiteral(source.timestampFormat)}`] : []),
    ...(source.dateFormat ? [`dateformat = ${quoteLiteral(source.dateFormat)}`] : []),
    'store_rejects = true',
    `rejects_table = ${quoteLiteral(rejectsTable)}`,
    `rejects_scan = ${quoteLiteral(rejectsScan)}`,
  ];
  const select = Object.keys(source.columns).map(quoteIdentifier).join(', ');
  const list = files.localPaths.map((p) => quoteLiteral(p)).join(', ');
  const relation = quoteIdentifier(source.name);
  try {
    await db.run(
      `CREATE OR REPLACE TABLE ${relation} AS SELECT ${select} FROM read_csv([${list}], ${options.join(', ')})`,
    );
    const rejects = await readRejects(db, {
      rejectsTable,
      rejectsScan,
      files,
      sampleSize: source.rejectSampleSize,
    });
    const [row] = await db.query(`SELECT count(*) AS n FROM ${relation}`);
    return {
      name: source.name,
      relation,
      rowCount: Number(row?.n ?? 0),
      lineage: { kind: 'csv', uris: files.uris },
      rejects,
    };
  } finally {
    await db.run(`DROP TABLE IF EXISTS ${rejectsTable}; DROP TABLE IF EXISTS ${rejectsScan}`);
  }
}

function typeOf(source: CsvSource, column: string): string {
  const type = source.columns[column];
  return type === undefined ? 'VARCHAR' : DUCKDB_TYPES[type];
}

/** Every file must start with the same header, naming every declared column. */
async function checkHeaders(source: CsvSource, files: SourceFiles): Promise<string[]> {
  let first: string[] | undefined;
  for (const [index, path] of files.localPaths.entries()) {
    const file = files.uris[index] ?? path;
    const header = await readCsvHeader(path, source);
    if (header.length === 0) {
      throw new SourceSchemaError(
        source.name,
        file,
        undefined,
        'the file is empty; a CSV source needs a header line',
      );
    }
    const missing = Object.keys(source.columns).find((c) => !header.includes(c));
    if (missing !== undefined) {
      throw new SourceSchemaError(
        source.name,
        file,
        missing,
        `the header has no column \`${missing}\` (header: ${header.join(', ')}); fix the file or the source's \`columns\``,
      );
    }
    const duplicate = header.find((name, i) => header.indexOf(name) !== i);
    if (duplicate !== undefined) {
      throw new SourceSchemaError(
        source.name,
        file,
        duplicate,
        `the header names column \`${duplicate}\` twice`,
      );
    }
    if (first === undefined) first = header;
    else if (first.join('\u0000') !== header.join('\u0000')) {
      throw new SourceSchemaError(
        source.name,
        file,
        undefined,
        `the header (${header.join(', ')}) differs from ${files.uris[0]}'s (${first.join(', ')}); ` +
          'give files with different layouts a source each',
      );
    }
  }
  return first ?? [];
}

async function readRejects(
  db: DuckDb,
  options: { rejectsTable: string; rejectsScan: string; files: SourceFiles; sampleSize: number },
): Promise<CsvRejects> {
  const [counts] = await db.query(
    `SELECT count(DISTINCT (scan_id, file_id, line)) AS lines, count(*) AS errors FROM ${options.rejectsTable}`,
  );
  const rows = await db.query(
    `SELECT s.file_path, e.line, e.column_name, e.error_type, e.error_message, e.csv_line
     FROM ${options.rejectsTable} e JOIN ${options.rejectsScan} s USING (scan_id, file_id)
     ORDER BY s.file_path, e.line, e.column_idx LIMIT ${options.sampleSize}`,
  );
  const uriOf = new Map(options.files.localPaths.map((p, i) => [p, options.files.uris[i] ?? p]));
  const sample: CsvReject[] = rows.map((r) => ({
    file: uriOf.get(String(r.file_path)) ?? String(r.file_path),
    line: Number(r.line),
    column: r.column_name === null ? null : String(r.column_name),
    errorType: String(r.error_type),
    message: String(r.error_message),
    csvLine: String(r.csv_line),
  }));
  return { lines: Number(counts?.lines ?? 0), errors: Number(counts?.errors ?? 0), sample };
}
