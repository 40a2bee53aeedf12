import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { type ModelVersion, ModelVersionSchema } from '../records/model-version.js';
import { generateModelCard } from './generate-model-card.js';

const GOLDEN = new URL('../../fixtures/model-card/churn-mlp-v3.md', import.meta.url);

/** The record the golden card was rendered from (see fixtures/README.md). */
const goldenRecord: ModelVersion = ModelVersionSchema.parse({
  formatVersion: 1,
  name: 'churn-mlp',
  version: 3,
  createdAtMs: Date.UTC(2024, 2, 1, 12, 30, 0),
  description: 'Predicts whether an Online Retail customer buys again within 90 days of the cutoff.',
  tags: { team: 'growth', dataset: 'online-retail' },
  artifacts: [
    { path: 'model.json', sha256: '1f'.repeat(32), size: 2048 },
    { path: 'group1-shard1of1.bin', sha256: '2e'.repeat(32), size: 11_264 },
    { path: 'preprocessing.json', sha256: '3d'.repeat(32), size: 731 },
    { path: 'model-card.md', sha256: '4c'.repeat(32), size: 3000 },
  ],
  signature: {
    inputs: [
      { name: 'recency_days', type: 'float', description: 'days since last purchase' },
      { name: 'frequency', type: 'int' },
      { name: 'country', type: 'string', required: false, description: 'ISO name | free text' },
      { name: 'basket', type: 'float', shape: [-1, 4] },
    ],
    outputs: [{ name: 'p_buy_again', type: 'float', shape: [1] }],
  },
  metrics: { roc_auc: 0.8123456789, log_loss: 0.4321, f1: 0.7, brier: 0.15 },
  segmentMetrics: [
    { column: 'country', segment: 'United Kingdom', count: 3500, metrics: { roc_auc: 0.81, f1: 0.71 } },
    { column: 'country', segment: 'Germany', count: 94, metrics: { roc_auc: 0.77 } },
  ],
  params: { hidden: [64, 32], learningRate: 0.001, optimizer: 'adam', earlyStopping: { patience: 3 } },
  lineage: {
    sources: [
      {
        kind: 'feature-view',
        name: 'customer_rfm',
        version: 2,
        table: 'features/customer_rfm',
        snapshotId: 812n,
      },
      { kind: 'table', name: 'spine', table: 'retail/spine', snapshotId: null },
    ],
    features: ['customer_rfm:recency_days', 'customer_rfm:frequency'],
    spineHash: '9a'.repeat(32),
    gitCommit: '0123456789abcdef0123456789abcdef01234567',
    runId: 'run-2024-03-01-a',
    backend: 'wasm',
    libraryVersions: { node: '20.19.0', '@tensorflow/tfjs': '4.22.0' },
  },
});

describe('generateModelCard', () => {
  it('renders the golden card byte for byte', async () => {
    expect(generateModelCard(goldenRecord)).toBe(await readFile(GOLDEN, 'utf8'));
  });

  it('says so when optional sections are empty', () => {
    const card = generateModelCard({
      ...goldenRecord,
      description: '',
      metrics: {},
      segmentMetrics: [],
      params: {},
      tags: {},
      lineage: {
        ...goldenRecord.lineage,
        sources: [],
        features: [],
        gitCommit: undefined,
        libraryVersions: {},
      },
    });
    expect(card).toContain('_No description was given at registration._');
    expect(card).toContain('_No metrics were recorded._');
    expect(card).toContain('_No parameters were recorded._');
    expect(card).toContain('- Git commit: not recorded');
    expect(card).not.toContain('Metrics by');
    expect(card).not.toContain('Tags:');
  });
});
