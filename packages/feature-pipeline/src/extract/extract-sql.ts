import type { ExtractContext, Extracted } from './extract-context.js';
import type { SqlSource } from './source-config.js';
import { viewOver } from './view-over.js';

/** Extracts a query on the warehouse's DuckDB into a view `"<name>"` (it may read earlier sources' views). */
export async function extractSql(source: SqlSource, ctx: ExtractContext): Promise<Extracted> {
  const { relation, rowCount } = await viewOver(ctx.warehouse.db, source.name, source.sql);
  return { name: source.name, relation, rowCount, lineage: { kind: 'sql', sql: source.sql } };
}
