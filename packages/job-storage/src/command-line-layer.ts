import { resolve } from 'node:path';
import type { StorageLayer } from './plan-storage.js';

/**
 * The storage flags of a command line (`--warehouse`, `--registry`, ...) as the last layer: unset flags are
 * left out, relative folders resolve against the working directory.
 */
export function commandLineLayer(flags: Record<string, string | undefined>): StorageLayer {
  const raw = Object.fromEntries(Object.entries(flags).filter(([, value]) => value !== undefined));
  return { raw, baseDir: resolve('.'), source: 'the command line' };
}
