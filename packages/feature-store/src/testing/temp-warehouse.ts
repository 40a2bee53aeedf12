import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { type OpenWarehouseOptions, openWarehouse, type Warehouse } from '../table/open-warehouse.js';

/** Options of {@link useTempWarehouse}: what {@link openWarehouse} takes besides where the files live. */
export type TempWarehouseOptions = Omit<OpenWarehouseOptions, 'location' | 'scratchDir'>;

/** The warehouse {@link useTempWarehouse} opens; its fields are readable from `beforeAll` until `afterAll`. */
export interface TempWarehouse {
  /** The open local warehouse, tables under `<dir>/wh`. */
  readonly env: Warehouse;
  /** The temp folder holding `wh/` (the warehouse) and `scratch/` (its scratch folder). */
  readonly dir: string;
}

/**
 * Registers vitest hooks in the enclosing file or `describe`: `beforeAll` makes a folder
 * `mkdtemp(<os temp dir>/<prefix>)` and opens a local warehouse in it (tables under `wh/`, scratch under
 * `scratch/`); `afterAll` closes it and removes the folder. `options` go to {@link openWarehouse} as they are
 * (default: its own clock, randomness and retry policy). Read `env` and `dir` in hooks and tests, not while the
 * file is being collected: outside the hooks' span they throw.
 */
export function useTempWarehouse(prefix: string, options: TempWarehouseOptions = {}): TempWarehouse {
  let dir: string | undefined;
  let env: Warehouse | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
    env = await openWarehouse({
      ...options,
      location: { kind: 'local', path: join(dir, 'wh') },
      scratchDir: join(dir, 'scratch'),
    });
  });

  afterAll(async () => {
    await env?.close();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
    env = undefined;
    dir = undefined;
  });

  const opened = <T>(value: T | undefined, name: string): T => {
    if (value === undefined)
      throw new Error(`useTempWarehouse('${prefix}').${name} is only set between its beforeAll and afterAll`);
    return value;
  };
  return {
    get env() {
      return opened(env, 'env');
    },
    get dir() {
      return opened(dir, 'dir');
    },
  };
}
