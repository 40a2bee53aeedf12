import { snapshotRelation, type Table } from '@fti/feature-store';
import { FEATURE_DATE_COLUMN } from '../definition/resolve-source.js';

/**
 * The rows the previous run loaded: the table's current snapshot restricted to the feature dates that
 * snapshot's commit recorded (`fti.feature-dates`). Undefined for a table without snapshots or lineage.
 */
export async function previousRunRelation(table: Table): Promise<string | undefined> {
  const { metadata } = table.loaded;
  const current = metadata.snapshots.find((s) => s.snapshotId === metadata.currentSnapshotId);
  const dates = current?.summary['fti.feature-dates'];
  if (current === undefined || dates === undefined || dates === '') return undefined;
  const { relation } = await snapshotRelation(table, {
    filter: {
      column: FEATURE_DATE_COLUMN,
      op: 'in',
      values: dates.split(',').map((d) => new Date(`${d}T00:00:00Z`)),
    },
  });
  return `(SELECT * FROM ${relation} AS t)`;
}
