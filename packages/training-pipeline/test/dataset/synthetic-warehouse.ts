import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appendData,
  defineFeatureView,
  openWarehouse,
  registerFeatureView,
  type Table,
  type Warehouse,
} from '@fti/feature-store';
import { createMulberry32 } from '@fti/model-runtime';

/** What {@link createSyntheticWarehouse} builds. */
export interface SyntheticWarehouse {
  env: Warehouse;
  features: Table;
  labels: Table;
  /** Weekly feature dates, ISO. */
  dates: string[];
  customers: number;
  close(): Promise<void>;
}

const customer = { name: 'customer_id', joinKeys: [{ name: 'customer_id', type: 'long' as const }] };

/**
 * A small warehouse shaped like the Online Retail one: `features.customer_features_v1` (signal, noise,
 * orders, country; `signal` is NaN-free, `spend` has nulls) and `labels.customer_labels_v1` (`buys`) at
 * weekly dates, for `customers` customers. The label is drawn from P(buys) = σ(2·signal − 0.5 + 0.8·[FR]).
 */
export async function createSyntheticWarehouse(
  options: { customers?: number; weeks?: number; seed?: number } = {},
): Promise<SyntheticWarehouse> {
  const customers = options.customers ?? 150;
  const weeks = options.weeks ?? 8;
  const random = createMulberry32(options.seed ?? 11);
  const dir = await mkdtemp(join(tmpdir(), 'fti-training-wh-'));
  const env = await openWarehouse({
    location: { kind: 'local', path: join(dir, 'wh') },
    scratchDir: join(dir, 'scratch'),
    now: () => 1_700_000_000_000,
    random: createMulberry32(3),
  });
  const featureView = defineFeatureView({
    name: 'customer_features',
    version: 1,
    entities: [customer],
    features: [
      { name: 'signal', type: 'double', description: 'informative' },
      { name: 'noise', type: 'double', description: 'uninformative' },
      { name: 'spend', type: 'double', description: 'nullable' },
      { name: 'orders', type: 'int', description: 'count' },
      { name: 'country', type: 'string', description: 'country' },
    ],
    ttl: 'P7D',
    owner: 'tests',
    description: 'synthetic customer features',
  });
  const labelView = defineFeatureView({
    name: 'customer_labels',
    version: 1,
    entities: [customer],
    features: [{ name: 'buys', type: 'boolean', description: 'label' }],
    ttl: 'P7D',
    owner: 'tests',
    description: 'synthetic labels',
  });
  const start = Date.parse('2024-01-07T00:00:00Z');
  const dates = Array.from({ length: weeks }, (_, w) =>
    new Date(start + w * 7 * 86_400_000).toISOString().slice(0, 10),
  );
  const countries = ['UK', 'UK', 'UK', 'FR', 'DE'];
  const featureRows: string[] = [];
  const labelRows: string[] = [];
  for (const date of dates) {
    for (let c = 1; c <= customers; c++) {
      const signal = random() * 2 - 1;
      const noise = random() * 2 - 1;
      const country = countries[c % countries.length]!;
      const spend = random() < 0.1 ? 'NULL' : (random() * 100).toFixed(2);
      const orders = Math.floor(random() * 5);
      const logit = 2 * signal - 0.5 + (country === 'FR' ? 0.8 : 0);
      const buys = random() < 1 / (1 + Math.exp(-logit));
      featureRows.push(
        `(${c}::BIGINT, DATE '${date}', ${signal}, ${noise}, ${spend}::DOUBLE, ${orders}::INTEGER, '${country}')`,
      );
      labelRows.push(`(${c}::BIGINT, DATE '${date}', ${buys})`);
    }
  }
  let features = await registerFeatureView(env, featureView);
  features = await appendData(features, {
    kind: 'sql',
    sql: `SELECT * FROM (VALUES ${featureRows.join(', ')}) AS t(customer_id, feature_date, signal, noise, spend, orders, country)`,
  });
  let labels = await registerFeatureView(env, labelView, { namespace: 'labels' });
  labels = await appendData(labels, {
    kind: 'sql',
    sql: `SELECT * FROM (VALUES ${labelRows.join(', ')}) AS t(customer_id, feature_date, buys)`,
  });
  return {
    env,
    features,
    labels,
    dates,
    customers,
    close: async () => {
      await env.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The dataset spec over the synthetic warehouse: label `buys`, every feature. */
export function syntheticDatasetSpec(overrides: { from?: string; to?: string } = {}) {
  return {
    spine: {
      kind: 'table' as const,
      table: { namespace: 'labels', name: 'customer_labels_v1' },
      keys: ['customer_id'],
      timestampColumn: 'feature_date',
      label: 'buys',
      ...overrides,
    },
    features: [
      {
        table: { namespace: 'features', name: 'customer_features_v1' },
        features: ['signal', 'noise', 'spend', 'orders', 'country'],
      },
    ],
  };
}
