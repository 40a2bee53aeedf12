import * as tf from '@tensorflow/tfjs-core';
import type { BackendName, SelectedBackend } from './backend-name.js';
import { locateWasmBinaries } from './locate-wasm-binaries.js';

/** Options of {@link selectBackend}. */
export interface SelectBackendOptions {
  /** Backend to try first; the others follow in the default order `node → wasm → cpu`. Default: none. */
  prefer?: BackendName;
  /** Receives one line saying which backend was chosen (and what was skipped). Default: silent. */
  report?: (line: string) => void;
}

const DEFAULT_ORDER: BackendName[] = ['node', 'wasm', 'cpu'];
// The tfjs-node package name is held in a variable so bundlers and TypeScript do not try to resolve it: it is
// an optional peer the user installs (its install downloads a native binary), never a dependency of fti.
const TFJS_NODE = '@tensorflow/tfjs-node';

let current: SelectedBackend | undefined;
let pending: Promise<SelectedBackend> | undefined;

/**
 * Chooses the tfjs backend for this process: `@tensorflow/tfjs-node` when the user installed it, else wasm
 * (SIMD, single-threaded: wasm threads do not work under Node), else the pure-JS cpu backend. Idempotent:
 * once a backend is selected, later calls without a different `prefer` return it unchanged.
 * @returns The backend in use, its package version and the backends skipped with the reason.
 */
export async function selectBackend(options: SelectBackendOptions = {}): Promise<SelectedBackend> {
  const { prefer, report } = options;
  while (pending) await pending.catch(() => undefined);
  if (current && (prefer === undefined || prefer === current.name)) return current;
  pending = activateFirst(
    prefer ? [prefer, ...DEFAULT_ORDER.filter((name) => name !== prefer)] : DEFAULT_ORDER,
  );
  try {
    current = await pending;
  } finally {
    pending = undefined;
  }
  report?.(describeBackend(current));
  return current;
}

/** One line naming the backend, e.g. `tfjs backend: wasm 4.22.0 (skipped node: not installed)`. */
export function describeBackend(backend: SelectedBackend): string {
  const skipped = backend.skipped.map((entry) => `${entry.name}: ${entry.reason}`).join('; ');
  return `tfjs backend: ${backend.name} ${backend.version}${skipped ? ` (skipped ${skipped})` : ''}`;
}

async function activateFirst(order: BackendName[]): Promise<SelectedBackend> {
  const skipped: SelectedBackend['skipped'] = [];
  for (const name of order) {
    try {
      const version = await activate(name);
      return { name, version, skipped };
    } catch (error) {
      skipped.push({ name, reason: error instanceof Error ? error.message.split('\n')[0]! : String(error) });
    }
  }
  throw new Error(
    `no tfjs backend could start (${skipped.map((entry) => `${entry.name}: ${entry.reason}`).join('; ')})`,
  );
}

async function activate(name: BackendName): Promise<string> {
  switch (name) {
    case 'node': {
      let module: { version?: Record<string, string> };
      try {
        module = (await import(TFJS_NODE)) as typeof module;
      } catch {
        throw new Error(`not installed (npm install ${TFJS_NODE} to use it)`);
      }
      await setBackendOrThrow('tensorflow');
      return module.version?.['tfjs-node'] ?? 'unknown';
    }
    case 'wasm': {
      const wasm = await import('@tensorflow/tfjs-backend-wasm');
      if (tf.getBackend() !== 'wasm') wasm.setWasmPaths(locateWasmBinaries());
      await setBackendOrThrow('wasm');
      return wasm.version_wasm;
    }
    case 'cpu': {
      const cpu = await import('@tensorflow/tfjs-backend-cpu');
      await setBackendOrThrow('cpu');
      return cpu.version_cpu;
    }
  }
}

async function setBackendOrThrow(name: string): Promise<void> {
  if (tf.getBackend() === name) return;
  if (!(await tf.setBackend(name))) throw new Error(`tf.setBackend('${name}') failed to initialise`);
  await tf.ready();
}
