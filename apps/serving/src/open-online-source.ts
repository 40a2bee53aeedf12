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
  /** `latest` (newest event time in the table), `now`, or an ISO date: the store's TTL clock. */
  asOf: string;
  /** Progress lines. */
  log?: (line: string) => void;
}

/**
 * Opens the online store and brings it up to date with the feature view's offline table (incremental past
 * the store's watermark: a Redis store already materialised only reads newer rows). Fills `source` in
 * place: `ready` with the view and store, or `failed` with the reason.
 */
export async function openOnlineSource(
  source: OnlineSource,
  options: OpenOnlineSourceOptions,
): Promise<void> {
  const log = options.log ?? (() => {});
  let store: OnlineStore | undefined;
  try {
    const table = await loadTable(options.env, options.features);
    const view = storedFeatureView(table);
    const name = `${options.features.namespace}/${options.features.name}`;
    if (!view)
      throw new Error(`table \`${name}\` holds no feature view definition; serve a registered feature view`);
    let nowMs = Date.now();
    if (options.asOf === 'latest') {
      const [row] = await queryTable(
        table,
        (t) =>
          `SELECT epoch_ms(max(CAST(${quoteIdentifier(view.eventTimeColumn)} AS TIMESTAMP))) AS ms FROM ${t}`,
      );
      if (row?.ms !== null && row?.ms !== undefined) nowMs = Number(row.ms);
    } else if (options.asOf !== 'now') nowMs = Date.parse(options.asOf);
    const now = () => nowMs;
    store =
      options.kind === 'redis'
        ? await RedisOnlineStore.connect({ url: options.redisUrl ?? '', now })
        : await EmbeddedOnlineStore.open({ now });
    const result = await materializeOnline({ table, store, now });
    log(
      `online store (${options.kind}) as of ${new Date(nowMs).toISOString()}: ${result.mode} materialisation of ${name} wrote ${result.entitiesWritten} entities`,
    );
    Object.assign(source, { status: 'ready', view, store });
  } catch (error) {
    await store?.close().catch(() => undefined);
    Object.assign(source, { status: 'failed', error: (error as Error).message });
    log(`online store unavailable: ${(error as Error).message}`);
  }
}
