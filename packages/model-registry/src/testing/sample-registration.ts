import type { RegisterModelOptions } from '../register/register-model.js';

/** Options of {@link sampleRegistration}. */
export interface SampleRegistrationOptions {
  /** Model name (default `churn-mlp`). */
  name?: string;
  /** Distinguishes payloads: weights bytes and run id derive from it (default 1). */
  seed?: number;
  /** Holdout metrics (default `{ roc_auc: 0.8, log_loss: 0.45 }`). */
  metrics?: Record<string, number>;
}

const encoder = new TextEncoder();

/**
 * A complete, valid {@link RegisterModelOptions} with tfjs-shaped files (a `model.json` whose weights
 * manifest names one shard, the shard, `preprocessing.json`): what a training run hands to the registry.
 * Bytes depend only on `seed`.
 */
export function sampleRegistration(options: SampleRegistrationOptions = {}): RegisterModelOptions {
  const seed = options.seed ?? 1;
  const weights = new Float32Array(16).map((_, i) => Math.sin(seed * 31 + i));
  const modelJson = {
    format: 'layers-model',
    generatedBy: 'sample',
    modelTopology: { class_name: 'Sequential', config: { name: `sample_${seed}` } },
    weightsManifest: [
      {
        paths: ['group1-shard1of1.bin'],
        weights: [{ name: 'dense/kernel', shape: [4, 4], dtype: 'float32' }],
      },
    ],
  };
  return {
    name: options.name ?? 'churn-mlp',
    artifacts: [
      { kind: 'bytes', path: 'model.json', bytes: encoder.encode(JSON.stringify(modelJson)) },
      { kind: 'bytes', path: 'group1-shard1of1.bin', bytes: new Uint8Array(weights.buffer) },
      {
        kind: 'bytes',
        path: 'preprocessing.json',
        bytes: encoder.encode(JSON.stringify({ scale: [seed, 1, 1, 1] })),
      },
    ],
    signature: {
      inputs: [
        { name: 'recency_days', type: 'float' },
        { name: 'frequency', type: 'int' },
        { name: 'country', type: 'string', required: false },
        { name: 'is_wholesale', type: 'bool' },
      ],
      outputs: [{ name: 'p_buy_again', type: 'float', shape: [1] }],
    },
    metrics: options.metrics ?? { roc_auc: 0.8, log_loss: 0.45 },
    params: { hidden: [64, 32], learningRate: 0.001, epochs: 10, seed },
    lineage: {
      sources: [
        {
          kind: 'feature-view',
          name: 'customer_rfm',
          version: 2,
          table: 'features/customer_rfm',
          snapshotId: 812n,
        },
      ],
      features: ['customer_rfm:recency_days', 'customer_rfm:frequency'],
      spineHash: 'a'.repeat(64),
      runId: `run-${seed}`,
      backend: 'cpu',
      libraryVersions: { '@tensorflow/tfjs': '4.22.0' },
    },
    tags: { team: 'growth' },
    description: 'Predicts whether a customer buys again within 90 days.',
  };
}
