/** A tfjs backend fti can run on: `node` (`@tensorflow/tfjs-node`, when installed), `wasm` or `cpu`. */
export type BackendName = 'node' | 'wasm' | 'cpu';

/** The tfjs backend in use, as recorded with a training run. */
export interface SelectedBackend {
  /** Which backend runs the tensor ops. */
  name: BackendName;
  /** Version of the package providing it, e.g. `4.22.0`. */
  version: string;
  /** Backends tried before this one and why each was passed over, in order. */
  skipped: { name: BackendName; reason: string }[];
}
