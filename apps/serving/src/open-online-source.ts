import {
  EmbeddedOnlineStore,
  loadTable,
  materializeOnline,
  type OnlineStore,
  queryTable,
  quoteIdentifier,
  RedisOnlineStore,
  storedFeatureView,
  type TableEnv,
  type TableIdentifier,
} from '@fti/feature-store';
import type { OnlineSource } from './online-source.js';

/** Options of {@link openOnlineSource}. */
export interface OpenOnlineSourceOptions {
  env: TableEnv;
  /** The feature view table to serve from. */
  features: TableIdentifier;
  kind: 'embedded' | 'redis';
  redisUrl?: string;
  /** JSON file the embedded store persists to (a restart then materialises only newer rows). Default memory. */
  file?: string;
  /** `latest` (newest event time in the table), `now`, or an ISO date: the store's TTL clock. */
  asOf: string;
  /** Progress lines. */
  log?: (line: string) => void;
}

/** Brings the online store up to date with rows added to the offline table since the last run. */
export type RefreshOnlineSource = () => Promise<void>;

/**
 * Opens the online store and brings it up to date with the feature view's offline table (incremental past
 * the store's watermark: a Redis store or a persisted file already materialised only reads newer rows).
 * Fills `source` in place: `ready` with the view and store, or `failed` with the reason. The returned
 * refresh repeats the incremental materialisation (with `latest`, the clock moves to the newest date).
 */
export async function openOnlineSource(
  source: OnlineSource,
  options: OpenOnlineSourceOptions,
): Promise<RefreshOnlineSource> {
  const log = options.log ?? (() => {});
  const name = `${options.features.namespace}/${options.features.name}`;
  let store: OnlineStore | undefined;
  let nowMs = options.asOf === 'latest' || options.asOf === 'now' ? Date.now() : Date.parse(options.asOf);
  const now = options.asOf === 'now' ? () => Date.now() : () => nowMs;
  const materialize = async () => {
    const table = await loadTable(options.env, options.features);
    const view = storedFeatureView(table);
    if (!view)
      throw new Error(`table \`${name}\` holds no feature view definition; serve a registered feature view`);
    if (options.asOf === 'latest') {
      const [row] = await queryTable(
        table,
        (t) =>
          `SELECT epoch_ms(max(CAST(${quoteIdentifier(view.eventTimeColumn)} AS TIMESTAMP))) AS ms FROM ${t}`,
      );
      if (row?.ms !== null && row?.ms !== undefined) nowMs = Number(row.ms);
    }
    store ??=
      options.kind === 'redis'
        ? await RedisOnlineStore.connect({ url: options.redisUrl ?? '', now })
        : await EmbeddedOnlineStore.open({ now, ...(options.file ? { path: options.file } : {}) });
    const result = await materializeOnline({ table, store, now });
    log(
      `online store (${options.kind}) as of ${new Date(now()).toISOString()}: ${result.mode} materialisation of ${name} wrote ${result.entitiesWritten} entities`,
    );
    Object.assign(source, { status: 'ready', view, store });
  };
  try {
    await materialize();
  } catch (error) {
    await store?.close().catch(() => undefined);
    Object.assign(source, { status: 'failed', error: (error as Error).message });
    log(`online store unavailable: ${(error as Error).message}`);
    return async () => {};
  }
  return async () => {
    try {
      await materialize();
    } catch (error) {
      log(`online store refresh failed, still serving the previous values: ${(error as Error).message}`);
    }
  };
}
