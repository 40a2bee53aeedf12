import { loadTable, snapshotRelation } from '@fti/feature-store';
import type { ExtractContext, Extracted } from './extract-context.js';
import type { TableSource } from './source-config.js';
import { viewOver } from './view-over.js';

/**
 * Extracts a feature-store table (its current snapshot, or the one `snapshotId` / `asOf` picks) into a view
 * `"<name>"` over that snapshot's files, and records the snapshot id read for lineage.
 */
export async function extractTable(source: TableSource, ctx: ExtractContext): Promise<Extracted> {
  const table = await loadTable(ctx.warehouse, { namespace: source.namespace, name: source.table });
  const asOf =
    source.asOf === undefined
      ? undefined
      : typeof source.asOf === 'number'
        ? source.asOf
        : Date.parse(source.asOf);
  const { relation: snapshot, snapshotId } = await snapshotRelation(table, {
    ...(source.snapshotId !== undefined ? { snapshotId: source.snapshotId } : {}),
    ...(asOf !== undefined ? { asOf } : {}),
    ...(source.columns ? { columns: source.columns } : {}),
  });
  const { relation, rowCount } = await viewOver(
    ctx.warehouse.db,
    source.name,
    `SELECT * FROM ${snapshot} AS t`,
  );
  return {
    name: source.name,
    relation,
    rowCount,
    lineage: { kind: 'table', table: `${source.namespace}.${source.table}`, snapshotId },
  };
}
