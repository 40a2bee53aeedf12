import { extractAthena } from './extract-athena.js';
import type { ExtractContext, Extracted } from './extract-context.js';
import { extractCsv } from './extract-csv.js';
import { extractParquet } from './extract-parquet.js';
import { extractSql } from './extract-sql.js';
import { extractTable } from './extract-table.js';
import type { ExtractSource } from './source-config.js';

/**
 * Extracts one declared source into the warehouse's DuckDB: a view (a table for CSV) named after the source,
 * its row count, where the rows came from (files, table snapshot, query) and, for CSV, the rejected lines.
 * Parse config with {@link parseExtractSource} first.
 */
export async function extract(source: ExtractSource, ctx: ExtractContext): Promise<Extracted> {
  const parsed = source;
  switch (parsed.kind) {
    case 'parquet':
      return extractParquet(parsed, ctx);
    case 'csv':
      return extractCsv(parsed, ctx);
    case 'table':
      return extractTable(parsed, ctx);
    case 'sql':
      return extractSql(parsed, ctx);
    case 'athena':
      return extractAthena(parsed, ctx);
  }
}
