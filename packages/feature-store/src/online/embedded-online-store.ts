import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { FeatureStoreError } from '../errors.js';
import type { FeatureView } from '../features/feature-view.js';
import { entityKeyId } from './entity-key-id.js';
import { isServed } from './is-served.js';
import {
  decodeOnlineRecord,
  EVENT_TIME_FIELD,
  encodeOnlineRecord,
  type OnlineRecord,
} from './online-record.js';
import type { EntityKey, OnlineFeatures, OnlineRow, OnlineStore, OnlineWatermark } from './online-store.js';
import { viewKeyPrefix } from './view-key-prefix.js';
import { parseWatermark, serializeWatermark } from './watermark-json.js';

/** Options of {@link EmbeddedOnlineStore.open}. */
export interface EmbeddedOnlineStoreOptions {
  /** JSON file the store loads on open and rewrites atomically after every change. Default: memory only. */
  path?: string;
  /** Epoch ms clock for TTL checks. Default `Date.now`. */
  now?: () => number;
}

interface ViewState {
  entities: Map<string, OnlineRecord>;
  watermark: string | null;
}

interface FileState {
  format: 'fti-online-store/1';
  views: Record<string, { watermark: string | null; entities: Record<string, OnlineRecord> }>;
}

/**
 * The default online store: an in-process map, optionally persisted to one JSON file (written to a temp
 * file, then renamed, so a crash never leaves a torn file and a restart serves the same values). Each
 * change rewrites the whole file: fit for the embedded default, not for millions of entities (use Redis).
 * Each write also deletes the view's values that have left the TTL by the store's clock.
 */
export class EmbeddedOnlineStore implements OnlineStore {
  private persisting: Promise<void> = Promise.resolve();
  private dirty = false;

  private constructor(
    private readonly views: Map<string, ViewState>,
    private readonly options: EmbeddedOnlineStoreOptions,
  ) {}

  /** Opens the store, loading `options.path` when the file exists. */
  static async open(options: EmbeddedOnlineStoreOptions = {}): Promise<EmbeddedOnlineStore> {
    const views = new Map<string, ViewState>();
    if (options.path !== undefined) {
      const text = await readFile(options.path, 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      });
      if (text !== undefined) {
        let state: FileState;
        try {
          state = JSON.parse(text) as FileState;
          if (state.format !== 'fti-online-store/1')
            throw new Error(`unknown format ${String(state.format)}`);
        } catch (error) {
          throw new FeatureStoreError(
            `online store file \`${options.path}\` is not an fti online store (${(error as Error).message}); delete it and materialise again`,
            { cause: error },
          );
        }
        for (const [prefix, view] of Object.entries(state.views)) {
          views.set(prefix, { watermark: view.watermark, entities: new Map(Object.entries(view.entities)) });
        }
      }
    }
    return new EmbeddedOnlineStore(views, options);
  }

  async write(view: FeatureView, rows: readonly OnlineRow[]): Promise<void> {
    const encoded = rows.map((row) => [entityKeyId(view, row.key), encodeOnlineRecord(view, row)] as const);
    const state = this.state(view);
    const now = (this.options.now ?? Date.now)();
    for (const [id, record] of encoded) {
      const current = state.entities.get(id);
      if (current && Number(current[EVENT_TIME_FIELD]) > Number(record[EVENT_TIME_FIELD])) continue;
      if (isServed(view, Number(record[EVENT_TIME_FIELD]), now)) state.entities.set(id, record);
    }
    // Values past the TTL are never served again: drop them so the map and the file stay bounded.
    for (const [id, record] of state.entities) {
      if (!isServed(view, Number(record[EVENT_TIME_FIELD]), now)) state.entities.delete(id);
    }
    await this.persist();
  }

  async get(view: FeatureView, keys: readonly EntityKey[]): Promise<(OnlineFeatures | null)[]> {
    const ids = keys.map((key) => entityKeyId(view, key));
    const entities = this.views.get(viewKeyPrefix(view))?.entities;
    const now = (this.options.now ?? Date.now)();
    return ids.map((id) => {
      const record = entities?.get(id);
      if (!record || !isServed(view, Number(record[EVENT_TIME_FIELD]), now)) return null;
      return decodeOnlineRecord(view, record);
    });
  }

  async getWatermark(view: FeatureView): Promise<OnlineWatermark | null> {
    const json = this.views.get(viewKeyPrefix(view))?.watermark ?? null;
    return json === null ? null : parseWatermark(json);
  }

  async setWatermark(view: FeatureView, watermark: OnlineWatermark): Promise<void> {
    this.state(view).watermark = serializeWatermark(watermark);
    await this.persist();
  }

  async close(): Promise<void> {
    await this.persisting;
  }

  private state(view: FeatureView): ViewState {
    const prefix = viewKeyPrefix(view);
    let state = this.views.get(prefix);
    if (!state) {
      state = { entities: new Map(), watermark: null };
      this.views.set(prefix, state);
    }
    return state;
  }

  /** Writes the current state after any write in progress; concurrent callers share one pending write. */
  private persist(): Promise<void> {
    const path = this.options.path;
    if (path === undefined) return Promise.resolve();
    if (this.dirty) return this.persisting;
    this.dirty = true;
    this.persisting = this.persisting
      .catch(() => undefined)
      .then(async () => {
        this.dirty = false;
        const state: FileState = { format: 'fti-online-store/1', views: {} };
        for (const [prefix, view] of this.views) {
          state.views[prefix] = { watermark: view.watermark, entities: Object.fromEntries(view.entities) };
        }
        await mkdir(dirname(path), { recursive: true });
        const temp = `${path}.${process.pid}.tmp`;
        await writeFile(temp, JSON.stringify(state));
        await rename(temp, path);
      });
    return this.persisting;
  }
}
