import { quoteIdentifier, quoteLiteral } from '@fti/feature-store';
import type { ExtractContext, Extracted } from './extract-context.js';
import { SourceSchemaError } from './extract-errors.js';
import { listSourceFiles } from './list-source-files.js';
import type { ParquetSource } from './source-config.js';
import { viewOver } from './view-over.js';

/** Extracts Parquet files into a view `"<name>"` over `read_parquet([...])` (lazy: queries push down into it). */
export async function extractParquet(source: ParquetSource, ctx: ExtractContext): Promise<Extracted> {
  const files = await listSourceFiles(source.name, source.path, ctx);
  const db = ctx.warehouse.db;
  if (source.columns) {
    for (const [index, path] of files.localPaths.entries()) {
      const described = await db.query(`DESCRIBE SELECT * FROM read_parquet(${quoteLiteral(path)})`);
      const found = described.map((r) => String(r.column_name));
      const missing = source.columns.find((c) => !found.includes(c));
      if (missing !== undefined) {
        throw new SourceSchemaError(
          source.name,
          files.uris[index] ?? path,
          missing,
          `column \`${missing}\` is missing (columns: ${found.join(', ')}); fix the file or the source's \`columns\``,
        );
      }
    }
  }
  const select = source.columns ? source.columns.map(quoteIdentifier).join(', ') : '*';
  const list = files.localPaths.map((p) => quoteLiteral(p)).join(', ');
  const { relation, rowCount } = await viewOver(
    db,
    source.name,
    `SELECT ${select} FROM read_parquet([${list}])`,
  );
  return { name: source.name, relation, rowCount, lineage: { kind: 'parquet', uris: files.uris } };
}
