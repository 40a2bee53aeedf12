import { commandLineLayer } from './command-line-layer.js';
import { planStorage, type StorageLayer, type StoragePlan } from './plan-storage.js';
import { readStorageFile } from './read-storage-file.js';

/** Options of {@link planJobStorage}: the three places a job's storage fields come from. */
export interface PlanJobStorageOptions {
  /** The job config's own storage fields (its folder resolves relative paths). */
  job?: StorageLayer;
  /** `--storage <file>`: overrides the job config. */
  storageFile?: string | undefined;
  /** `--warehouse`, `--registry`, ...: override both; unset flags are left out. */
  flags?: Record<string, string | undefined>;
  /** Folder the default locations resolve against; default the working directory. */
  defaultsDir?: string;
}

/**
 * The storage plan of a job, as every fti job layers it: the job config, then the `--storage` file, then
 * the command-line flags, later fields overriding earlier ones.
 */
export async function planJobStorage(options: PlanJobStorageOptions): Promise<StoragePlan> {
  return planStorage({
    layers: [
      ...(options.job !== undefined ? [options.job] : []),
      ...(options.storageFile !== undefined ? [await readStorageFile(options.storageFile)] : []),
      commandLineLayer(options.flags ?? {}),
    ],
    ...(options.defaultsDir !== undefined ? { defaultsDir: options.defaultsDir } : {}),
  });
}
