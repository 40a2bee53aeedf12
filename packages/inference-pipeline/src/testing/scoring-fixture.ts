// Test builders, exported as `@fti/inference-pipeline/testing` for the apps' tests.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appendData,
  type ColumnDefinition,
  createTable,
  LocalObjectStore,
  openWarehouse,
  type Warehouse,
} from '@fti/feature-store';
import { type ModelRegistry, openModelRegistry, registerModel, setAlias } from '@fti/model-registry';
import {
  createModel,
  createMulberry32,
  type DenseModel,
  type FittedPreprocessor,
  listFeatureNames,
  saveServableFiles,
} from '@fti/model-runtime';

/** The fixture's feature date and its entity count. */
export const FEATURE_DATE = '2011-11-27';
export const ENTITIES = 5000;
export const THRESHOLD = 0.45;
export const MODEL_NAME = 'buys-again';

/** A fitted preprocessor written by hand: standard x1, imputed robust x2 with an indicator, one-hot country. */
export function makePreprocessor(): FittedPreprocessor {
  const features: FittedPreprocessor['features'] = [
    {
      kind: 'numeric',
      column: 'x1',
      impute: null,
      log1p: false,
      scale: { kind: 'standard', center: 0.25, scale: 2 },
    },
    {
      kind: 'numeric',
      column: 'x2',
      impute: { value: 3, indicator: true },
      log1p: true,
      scale: { kind: 'robust', center: 1.5, scale: 0.75 },
    },
    { kind: 'one-hot', column: 'country', categories: ['DE', 'UK'], infrequent: [] },
  ];
  return { format: 'fti-preprocessor', version: 1, features, featureNames: listFeatureNames(features) };
}

/** A small MLP with seeded weights and non-zero biases (known, reproducible weights). */
export function makeModel(width: number): DenseModel {
  const model = createModel({ kind: 'mlp', task: { kind: 'binary' }, hiddenLayers: [5] }, width, {
    seed: 11,
  });
  const random = createMulberry32(5);
  for (const layer of model.layers)
    for (let i = 0; i < layer.bias.length; i++) layer.bias[i] = random() - 0.5;
  return model;
}

/** Float64 reference of preprocessing + forward pass for one row, written independently of the runtime. */
export function referenceScore(model: DenseModel, row: FeatureRow): number {
  const x2 = row.x2 === null ? 3 : row.x2;
  const input = [
    (row.x1 - 0.25) / 2,
    (Math.log1p(x2) - 1.5) / 0.75,
    row.x2 === null ? 1 : 0,
    row.country === 'DE' ? 1 : 0,
    row.country === 'UK' ? 1 : 0,
    row.country === 'DE' || row.country === 'UK' ? 0 : 1,
  ];
  let values = input;
  for (const layer of model.layers) {
    const next: number[] = [];
    for (let j = 0; j < layer.units; j++) {
      let sum = layer.bias[j]!;
      for (let i = 0; i < layer.inputs; i++) sum += values[i]! * layer.kernel[i * layer.units + j]!;
      next.push(layer.activation === 'relu' ? Math.max(0, sum) : 1 / (1 + Math.exp(-sum)));
    }
    values = next;
  }
  return values[0]!;
}

/** One feature row of the fixture table. */
export interface FeatureRow {
  customer_id: number;
  feature_date: string;
  x1: number;
  x2: number | null;
  country: string | null;
}

/** Seeded rows: every customer on the scored date, a third of them on the week before too. */
export function makeFeatureRows(): FeatureRow[] {
  const random = createMulberry32(3);
  const countries = ['UK', 'DE', 'FR', null];
  const rows: FeatureRow[] = [];
  for (const [date, count] of [
    [FEATURE_DATE, ENTITIES],
    ['2011-11-20', Math.floor(ENTITIES / 3)],
  ] as const) {
    for (let c = 0; c < count; c++)
      rows.push({
        customer_id: 12_000 + c * 7,
        feature_date: date,
        x1: random() * 10 - 5,
        x2: c % 9 === 4 ? null : random() * 20,
        country: countries[Math.floor(random() * countries.length)] ?? null,
      });
  }
  return rows;
}

export const FEATURE_COLUMNS: ColumnDefinition[] = [
  { name: 'customer_id', type: 'long', required: true },
  { name: 'feature_date', type: 'date', required: true },
  { name: 'x1', type: 'double' },
  { name: 'x2', type: 'double' },
  { name: 'country', type: 'string' },
];

/** A temp warehouse with `features/customers` and a registry holding the model as version 1, alias staging. */
export interface ScoringFixture {
  dir: string;
  warehouse: Warehouse;
  registry: ModelRegistry;
  model: DenseModel;
  rows: FeatureRow[];
  close(): Promise<void>;
}

export async function openScoringFixture(): Promise<ScoringFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'fti-inference-'));
  const warehouse = await openWarehouse({ location: { kind: 'local', path: join(dir, 'warehouse') } });
  const table = await createTable(warehouse, {
    namespace: 'features',
    name: 'customers',
    columns: FEATURE_COLUMNS,
  });
  const rows = makeFeatureRows();
  await appendData(table, {
    kind: 'rows',
    rows: rows.map((r) => ({ ...r, feature_date: new Date(`${r.feature_date}T00:00:00Z`) })),
  });
  const registry = openModelRegistry({ store: new LocalObjectStore({ root: join(dir, 'registry') }) });
  const preprocessor = makePreprocessor();
  const model = makeModel(preprocessor.featureNames.length);
  const files = await saveServableFiles(model, preprocessor);
  const registered = await registerModel(registry, {
    name: MODEL_NAME,
    artifacts: files.map((f) => ({ kind: 'bytes' as const, ...f })),
    signature: {
      inputs: [
        { name: 'x1', type: 'float' },
        { name: 'x2', type: 'float', required: false },
        { name: 'country', type: 'string' },
      ],
      outputs: [{ name: 'probability', type: 'float' }],
    },
    metrics: { roc_auc: 0.8, threshold: THRESHOLD },
    lineage: { spineHash: 'ab'.repeat(32), runId: 'fixture', backend: 'cpu' },
  });
  await setAlias(registry, { name: MODEL_NAME, alias: 'staging', version: registered.version });
  return {
    dir,
    warehouse,
    registry,
    model,
    rows,
    async close() {
      await warehouse.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
