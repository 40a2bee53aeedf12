import { createClient } from 'redis';
import type { FeatureView } from '../features/feature-view.js';
import { parseTtl } from '../features/parse-ttl.js';
import { entityKeyId } from './entity-key-id.js';
import { isServed } from './is-served.js';
import {
  decodeOnlineRecord,
  EVENT_TIME_FIELD,
  encodeOnlineRecord,
  type OnlineRecord,
} from './online-record.js';
import type { EntityKey, OnlineFeatures, OnlineRow, OnlineStore, OnlineWatermark } from './online-store.js';
import { viewKeyPrefix, WATERMARK_SUFFIX } from './view-key-prefix.js';
import { parseWatermark, serializeWatermark } from './watermark-json.js';

/** Options of {@link RedisOnlineStore.connect}. */
export interface RedisOnlineStoreOptions {
  /** Server URL, e.g. `redis://127.0.0.1:6379`. */
  url: string;
  /** Epoch ms clock for TTL checks. Default `Date.now`. */
  now?: () => number;
  /** Entities per round trip for writes and reads. Default 500. */
  batchSize?: number;
}

type RedisClient = ReturnType<typeof newClient>;

function newClient(url: string) {
  return createClient({ url });
}

/**
 * Replaces each entity's hash unless it holds a newer event time, atomically per batch (newer wins, so an
 * out-of-order write never regresses a value), and lets Redis delete it when its TTL runs out. ARGV[i] is a
 * JSON array `[eventMs, msLeft, field, value, ...]`; an entry with no time left is not written.
 */
const WRITE_NEWER = `
local written = 0
for i, key in ipairs(KEYS) do
  local entry = cjson.decode(ARGV[i])
  local left = tonumber(entry[2])
  local current = redis.call('HGET', key, '${EVENT_TIME_FIELD}')
  if left > 0 and ((not current) or tonumber(current) <= tonumber(entry[1])) then
    redis.call('DEL', key)
    redis.call('HSET', key, '${EVENT_TIME_FIELD}', entry[1], unpack(entry, 3))
    redis.call('PEXPIRE', key, left)
    written = written + 1
  end
end
return written`;

/**
 * An online store over a real Redis: one hash per entity at `fti:<view>:v<version>:<key>` (field `_t` the
 * event time in ms, one field per non-null feature), the watermark at `fti:<view>:v<version>:#watermark`.
 * Each hash expires (PEXPIRE) when its value leaves the TTL by the store's clock, so Redis frees it.
 * Batches go in one round trip each (a Lua script for writes, a pipeline of HGETALL for reads).
 */
export class RedisOnlineStore implements OnlineStore {
  private closed = false;

  private constructor(
    private readonly client: RedisClient,
    private readonly options: RedisOnlineStoreOptions,
  ) {}

  /** Connects to `options.url`. */
  static async connect(options: RedisOnlineStoreOptions): Promise<RedisOnlineStore> {
    const client = newClient(options.url);
    client.on('error', () => {
      // Connection errors surface as rejected commands; without a listener they would crash the process.
    });
    await client.connect();
    return new RedisOnlineStore(client, options);
  }

  async write(view: FeatureView, rows: readonly OnlineRow[]): Promise<void> {
    const prefix = viewKeyPrefix(view);
    const expiresAfter = parseTtl(view.ttl) - (this.options.now ?? Date.now)();
    const entries = rows.map((row) => {
      const record = encodeOnlineRecord(view, row);
      const flat: string[] = [];
      for (const [field, value] of Object.entries(record)) {
        if (field !== EVENT_TIME_FIELD) flat.push(field, value);
      }
      return {
        key: `${prefix}:${entityKeyId(view, row.key)}`,
        json: JSON.stringify([
          record[EVENT_TIME_FIELD],
          String(row.eventTime.getTime() + expiresAfter),
          ...flat,
        ]),
      };
    });
    for (const batch of chunk(entries, this.batchSize)) {
      await this.client.eval(WRITE_NEWER, {
        keys: batch.map((e) => e.key),
        arguments: batch.map((e) => e.json),
      });
    }
  }

  async get(view: FeatureView, keys: readonly EntityKey[]): Promise<(OnlineFeatures | null)[]> {
    const prefix = viewKeyPrefix(view);
    const ids = keys.map((key) => `${prefix}:${entityKeyId(view, key)}`);
    const now = (this.options.now ?? Date.now)();
    const found: (OnlineFeatures | null)[] = [];
    for (const batch of chunk(ids, this.batchSize)) {
      const multi = this.client.multi();
      for (const id of batch) multi.hGetAll(id);
      const replies = (await multi.execAsPipeline()) as unknown as OnlineRecord[];
      for (const record of replies) {
        const eventMs = record?.[EVENT_TIME_FIELD];
        found.push(
          eventMs === undefined || !isServed(view, Number(eventMs), now)
            ? null
            : decodeOnlineRecord(view, { ...record }),
        );
      }
    }
    return found;
  }

  async getWatermark(view: FeatureView): Promise<OnlineWatermark | null> {
    const json = await this.client.get(`${viewKeyPrefix(view)}:${WATERMARK_SUFFIX}`);
    return json === null ? null : parseWatermark(String(json));
  }

  async setWatermark(view: FeatureView, watermark: OnlineWatermark): Promise<void> {
    await this.client.set(`${viewKeyPrefix(view)}:${WATERMARK_SUFFIX}`, serializeWatermark(watermark));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.close();
  }

  private get batchSize(): number {
    return this.options.batchSize ?? 500;
  }
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}
