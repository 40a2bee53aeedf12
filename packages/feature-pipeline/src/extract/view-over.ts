import { type DuckDb, quoteIdentifier } from '@fti/feature-store';

/**
 * Creates (or replaces) the view `"<name>"` as `query` in the database's main schema, visible to every
 * connection, and counts its rows.
 */
export async function viewOver(
  db: DuckDb,
  name: string,
  query: string,
): Promise<{ relation: string; rowCount: number }> {
  const relation = quoteIdentifier(name);
  await db.run(`CREATE OR REPLACE VIEW ${relation} AS ${query}`);
  const [row] = await db.query(`SELECT count(*) AS n FROM ${relation}`);
  return { relation, rowCount: Number(row?.n ?? 0) };
}
