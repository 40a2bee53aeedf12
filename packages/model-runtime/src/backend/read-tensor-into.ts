import * as tf from '@tensorflow/tfjs-core';

interface WasmBackendInternals {
  dataIdMap: { get(dataId: object): { memoryOffset: number } | undefined };
  wasm: { HEAPU8: Uint8Array };
}

/**
 * Copies a float32 tensor's values into `out` (which must hold exactly `tensor.size` values). On the wasm
 * backend it copies straight from the wasm heap (`dataSync` slices a fresh ArrayBuffer per call, which
 * costs more than the training step's arithmetic on small tensors); elsewhere it uses `dataSync`.
 */
export function readTensorInto(tensor: tf.Tensor, out: Float32Array): void {
  if (tensor.size !== out.length || tensor.dtype !== 'float32')
    throw new RangeError(
      `readTensorInto: a ${tensor.dtype} tensor of ${tensor.size} values into ${out.length}`,
    );
  const backend = tf.backend() as unknown as Partial<WasmBackendInternals>;
  const entry = tf.getBackend() === 'wasm' ? backend.dataIdMap?.get(tensor.dataId) : undefined;
  if (entry && backend.wasm) {
    out.set(new Float32Array(backend.wasm.HEAPU8.buffer, entry.memoryOffset, out.length));
    return;
  }
  out.set(tensor.dataSync() as Float32Array);
}
