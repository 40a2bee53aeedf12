import type * as arrow from 'apache-arrow';
import { loadArrowTable } from '../engine/load-arrow-table.js';
import { quoteIdentifier } from '../engine/sql-quote.js';
import type { FeatureView } from '../features/feature-view.js';
import { runPointInTimeJoin } from '../features/point-in-time-join.js';
import { newUuid } from '../table/random-ids.js';
import { snapshotRelation } from '../table/scan-table.js';
import type { Table, TableEnv } from '../table/table-env.js';
import { storedFeatureView } from './register-feature-view.js';

/** The rows to build a training set for. */
export type SpineInput =
  /** An Arrow table held in memory. */
  | { kind: 'arrow'; table: arrow.Table }
  /** Any DuckDB table expression on the environment's engine: `read_parquet('spine.parquet')`, `(SELECT ...)`. */
  | { kind: 'relation'; relation: string };

/** Options of {@link getHistoricalFeatures}. */
export interface GetHistoricalFeaturesOptions {
  spine: SpineInput;
  /** Entity key columns of the spine. */
  keys: string[];
  /** Spine column holding each row's point in time (date or timestamp). */
  timestampColumn: string;
  /** Feature view tables to join; each read at a pinned snapshot (default its current one). */
  views: { table: Table; features?: string[]; snapshotId?: bigint }[];
  /** Output names: `<view>__<feature>` (`prefixed`, default) or plain feature names. */
  naming?: 'prefixed' | 'plain';
}

/** A training frame and the exact snapshots it was read from (lineage). */
export interface HistoricalFeatures {
  table: arrow.Table;
  sources: { view: string; version: number; table: string; snapshotId: bigint | undefined }[];
}

/**
 * Builds a point-in-time-correct training frame: for each spine row, each view's latest values at or before
 * the row's time and within the view's TTL, never a value from the future; one row per spine row, in order.
 * Every view is read at one pinned snapshot, returned for lineage.
 */
export async function getHistoricalFeatures(
  env: TableEnv,
  options: GetHistoricalFeaturesOptions,
): Promise<HistoricalFeatures> {
  const temp = `__fti_spine_${newUuid(env.random).replaceAll('-', '')}`;
  let relation: string;
  if (options.spine.kind === 'arrow') {
    await loadArrowTable({ db: env.db, table: options.spine.table, tableName: temp });
    relation = quoteIdentifier(temp);
  } else {
    relation = options.spine.relation;
  }
  try {
    const views: { view: FeatureView; relation: string; features?: string[] }[] = [];
    const sources: HistoricalFeatures['sources'] = [];
    for (const request of options.views) {
      const view = storedFeatureView(request.table);
      const { namespace, name } = request.table.loaded.identifier;
      if (!view) throw new Error(`table \`${namespace}.${name}\` is not a feature view table`);
      const pinned = await snapshotRelation(request.table, {
        ...(request.snapshotId !== undefined ? { snapshotId: request.snapshotId } : {}),
      });
      views.push({
        view,
        relation: pinned.relation,
        ...(request.features ? { features: request.features } : {}),
      });
      sources.push({
        view: view.name,
        version: view.version,
        table: `${namespace}.${name}`,
        snapshotId: pinned.snapshotId,
      });
    }
    const table = await runPointInTimeJoin({
      connection: env.db.connection,
      spine: { relation, keys: options.keys, timestampColumn: options.timestampColumn },
      views,
      ...(options.naming ? { naming: options.naming } : {}),
    });
    return { table, sources };
  } finally {
    if (options.spine.kind === 'arrow')
      await env.db.run(`DROP TABLE IF EXISTS temp.${quoteIdentifier(temp)}`);
  }
}
