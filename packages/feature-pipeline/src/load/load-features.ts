import { overwriteWhere, type Table } from '@fti/feature-store';
import { FEATURE_DATE_COLUMN } from '../definition/resolve-source.js';

/** Options of {@link loadFeatures}. */
export interface LoadFeaturesOptions {
  /** A query on the warehouse's DuckDB returning the table's columns (entity key, `feature_date`, features). */
  sql: string;
  /** The run's feature dates: every stored row of these dates is replaced, even by no rows. */
  featureDates: readonly string[];
  /** Snapshot summary properties (see {@link lineageProperties}). */
  properties: Record<string, string>;
}

/**
 * Loads computed features into a feature view's table in ONE commit that replaces exactly the rows of the
 * computed dates (`feature_date IN (…)`, copy-on-write inside month partitions): re-running a date leaves
 * the same rows, other dates are untouched.
 */
export async function loadFeatures(table: Table, options: LoadFeaturesOptions): Promise<Table> {
  return overwriteWhere(
    table,
    { kind: 'sql', sql: options.sql },
    {
      where: {
        column: FEATURE_DATE_COLUMN,
        op: 'in',
        values: options.featureDates.map((d) => new Date(`${d}T00:00:00Z`)),
      },
      properties: options.properties,
    },
  );
}
