import type { ServableModel } from '../load/servable-model.js';
import { ModelNotReadyError } from './online-errors.js';
import { type OnlineModel, prepareOnlineModel } from './online-model.js';

/** Options of {@link createModelHolder}. */
export interface ModelHolderOptions {
  /**
   * Loads the model to serve. Called on every reload, so a loader that resolves an alias (loadServableModel
   * with `{ name, alias }`) follows the alias to its current version.
   */
  load: () => Promise<ServableModel>;
  /** Refuses a candidate before it is swapped in (throw to refuse), e.g. a changed signature. Default none. */
  accept?: (next: ServableModel, current: ServableModel) => void;
}

/** What a reload did. */
export interface ReloadResult {
  /** `swapped`: a new version now serves; `unchanged`: the loader returned the version already serving. */
  kind: 'swapped' | 'unchanged';
  /** `name@version` serving before the reload (undefined for the first load). */
  previous: string | undefined;
  /** `name@version` serving now. */
  current: string;
}

/** Holds the model being served and swaps it atomically. */
export interface ModelHolder {
  /** The model serving now, or undefined before the first successful load. */
  current(): OnlineModel | undefined;
  /** The model serving now; throws {@link ModelNotReadyError} before the first successful load. */
  require(): OnlineModel;
  /**
   * Loads the model again and swaps it in. A request keeps the model it took with `require()` until it
   * finishes, so in-flight requests are never failed by a swap. A failed load (tampered file, alias to a
   * missing version, refused by `accept`) rejects and leaves the current model serving. Concurrent calls
   * share one load.
   */
  reload(): Promise<ReloadResult>;
}

/** Creates an empty holder; call `reload()` for the first load. */
export function createModelHolder(options: ModelHolderOptions): ModelHolder {
  let serving: OnlineModel | undefined;
  let pending: Promise<ReloadResult> | undefined;

  const load = async (): Promise<ReloadResult> => {
    const next = await options.load();
    const previous = serving;
    if (previous && previous.servable.name === next.name && previous.servable.version === next.version)
      return { kind: 'unchanged', previous: previous.label, current: previous.label };
    if (previous) options.accept?.(next, previous.servable);
    const prepared = prepareOnlineModel(next);
    // One assignment: a request sees either the old model or the new one, never a mix.
    serving = prepared;
    return { kind: 'swapped', previous: previous?.label, current: prepared.label };
  };

  return {
    current: () => serving,
    require() {
      if (!serving) throw new ModelNotReadyError('no model is loaded yet; retry when GET /ready answers 200');
      return serving;
    },
    reload() {
      pending ??= load().finally(() => {
        pending = undefined;
      });
      return pending;
    },
  };
}
