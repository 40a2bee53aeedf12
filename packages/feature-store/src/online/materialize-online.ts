import { scanSql } from '../engine/scan-sql.js';
import { InvalidInputError } from '../errors.js';
import type { FeatureView } from '../features/feature-view.js';
import { storedFeatureView } from '../store/register-feature-view.js';
import { planRead } from '../table/plan-read.js';
import type { Table } from '../table/table-env.js';
import { decodeOnlineRecord, EVENT_TIME_FIELD, type OnlineRecord } from './online-record.js';
import type { EntityKey, OnlineRow, OnlineStore, OnlineWatermark } from './online-store.js';
import { planOnlineMaterialization } from './plan-online-materialization.js';

/** Options of {@link materializeOnline}. */
export interface MaterializeOnlineOptions {
  /** A registered feature view's table (its definition is read from the table). */
  table: Table;
  store: OnlineStore;
  /** Epoch ms clock for the TTL cutoff. Default: the table environment's `now`. */
  now?: () => number;
  /** Entities per store write. Default 1000. */
  batchSize?: number;
}

/** What a materialisation run did. */
export interface MaterializeOnlineResult {
  view: FeatureView;
  mode: 'full' | 'incremental';
  /** The offline snapshot read; null for a table without snapshots. */
  snapshotId: bigint | null;
  /** Data files opened after pruning, and files in the snapshot. */
  filesRead: number;
  filesTotal: number;
  /** Entities whose latest values were written. */
  entitiesWritten: number;
  /** The watermark after the run (unchanged when nothing newer was found; null if never set). */
  watermark: OnlineWatermark | null;
}

/**
 * Copies the latest feature values per entity from a feature view's offline table into an online store,
 * incrementally: the first run writes the latest row of every entity in the current snapshot; later runs
 * read only rows newer than the store's watermark (the filter prunes older files unopened), write the
 * entities they touch, then advance the watermark. Values already older than the view's TTL are never
 * written. The watermark is written last, so a failed run is simply re-run.
 */
export async function materializeOnline(options: MaterializeOnlineOptions): Promise<MaterializeOnlineResult> {
  const { table, store } = options;
  const view = storedFeatureView(table);
  if (!view) {
    const { namespace, name } = table.loaded.identifier;
    throw new InvalidInputError(
      `table \`${namespace}.${name}\` holds no feature view definition; register it with registerFeatureView`,
    );
  }
  const previous = await store.getWatermark(view);
  const plan = planOnlineMaterialization({
    view,
    watermark: previous,
    nowMs: (options.now ?? table.env.now)(),
  });
  const read = await planRead(table, { filter: plan.filter });
  const snapshotId = read.snapshot?.snapshotId ?? null;
  const keys = view.entities.flatMap((e) => e.joinKeys);
  const batchSize = options.batchSize ?? 1000;

  let written = 0;
  let newest = previous?.eventTime.getTime() ?? Number.NEGATIVE_INFINITY;
  if (read.tasks.length > 0) {
    const relation = scanSql({ tasks: read.tasks, schema: read.schema, filter: plan.filter });
    const stream = await table.env.db.streamChunks(plan.sql(relation));
    let batch: OnlineRow[] = [];
    for await (const chunk of stream.chunks) {
      for (const row of chunk.getRowObjects(stream.names)) {
        const record: OnlineRecord = {};
        for (const [name, value] of Object.entries(row)) if (value !== null) record[name] = String(value);
        const key: Record<string, number | bigint | string> = {};
        for (const k of keys) {
          const text = record[k.name] ?? '';
          key[k.name] = k.type === 'long' ? BigInt(text) : k.type === 'int' ? Number(text) : text;
        }
        batch.push({ key: key as EntityKey, ...decodeOnlineRecord(view, record) });
        newest = Math.max(newest, Number(record[EVENT_TIME_FIELD]));
        if (batch.length >= batchSize) {
          await store.write(view, batch);
          written += batch.length;
          batch = [];
        }
      }
    }
    if (batch.length > 0) {
      await store.write(view, batch);
      written += batch.length;
    }
  }

  let watermark = previous;
  if (Number.isFinite(newest)) {
    watermark = { eventTime: new Date(newest), snapshotId };
    await store.setWatermark(view, watermark);
  }
  return {
    view,
    mode: plan.mode,
    snapshotId,
    filesRead: read.tasks.length,
    filesTotal: read.stats.filesTotal,
    entitiesWritten: written,
    watermark,
  };
}
