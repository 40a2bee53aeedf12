import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { InvalidStorageConfigError } from './errors.js';
import type { StorageLayer } from './plan-storage.js';

/**
 * Reads a storage file (YAML or JSON; any job config works, only its storage fields are used) as a layer
 * whose relative paths resolve against the file's folder: what `--storage <file>` passes to every job.
 */
export async function readStorageFile(path: string): Promise<StorageLayer> {
  const file = resolve(path);
  const text = await readFile(file, 'utf8').catch((error: Error) => {
    throw new InvalidStorageConfigError(file, [`cannot read it: ${error.message}`], { cause: error });
  });
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new InvalidStorageConfigError(file, [`not valid YAML or JSON: ${(error as Error).message}`], {
      cause: error,
    });
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new InvalidStorageConfigError(file, [
      'expected a mapping of storage fields (warehouse, registry, ...)',
    ]);
  return { raw: raw as Record<string, unknown>, baseDir: dirname(file), source: file };
}
