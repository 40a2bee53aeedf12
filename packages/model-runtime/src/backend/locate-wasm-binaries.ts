import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Folder of the `.wasm` binaries shipped inside `@tensorflow/tfjs-backend-wasm` (its `dist/`), as a path
 * ending in a separator, for `setWasmPaths`. Found through Node's module resolution, so no network fetch.
 */
export function locateWasmBinaries(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('@tensorflow/tfjs-backend-wasm/package.json');
  return `${path.join(path.dirname(manifest), 'dist')}${path.sep}`;
}

/** {@link locateWasmBinaries} as a `file:` URL, for runtimes that want URLs. */
export function locateWasmBinariesUrl(): string {
  return pathToFileURL(locateWasmBinaries()).href;
}
