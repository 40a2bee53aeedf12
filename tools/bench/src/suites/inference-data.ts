// Data of the inference benchmark: a feature table shaped like the synthetic customer features (17 numeric
// columns and one categorical), its fitted preprocessor and an MLP 64-32 with seeded weights.
import { CATEGORIES, hashRandom } from '@fti/datagen';
import {
  appendData,
  type ColumnDefinition,
  createTable,
  type Table,
  type TableEnv,
} from '@fti/feature-store';
import {
  createModel,
  createMulberry32,
  type DenseModel,
  type FittedPreprocessor,
  listFeatureNames,
} from '@fti/model-runtime';

/** The one feature date of the benchmark's feature table. */
export const INFERENCE_FEATURE_DATE = '2024-07-01';
export const INFERENCE_SEED = 7;

/** Numeric feature columns (names of the synthetic customer features) and how each is drawn. */
const NUMERIC: { name: string; type: 'long' | 'int' | 'double'; sql: (u: string) => string }[] = [
  ...[7, 30, 90, 365].flatMap((days) => [
    {
      name: `txn_count_${days}d`,
      type: 'long' as const,
      sql: (u: string) => `floor(${u} * ${days / 3 + 1})::BIGINT`,
    },
    {
      name: `amount_sum_${days}d`,
      type: 'double' as const,
      sql: (u: string) => `round(${u} * ${days * 40}, 2)`,
    },
  ]),
  { name: 'amount_avg_365d', type: 'double', sql: (u) => `round(exp(3 + 2 * ${u}), 2)` },
  { name: 'amount_max_365d', type: 'double', sql: (u) => `round(exp(4 + 3 * ${u}), 2)` },
  {
    name: 'amount_sd_365d',
    type: 'double',
    sql: (u) => `CASE WHEN ${u} < 0.05 THEN NULL ELSE round(${u} * 90, 3) END`,
  },
  { name: 'categories_90d', type: 'long', sql: (u) => `floor(${u} * 9)::BIGINT` },
  { name: 'days_since_last', type: 'int', sql: (u) => `floor(${u} * 365)::INTEGER` },
  { name: 'weekend_share_365d', type: 'double', sql: (u) => `${u}` },
  { name: 'card_share_365d', type: 'double', sql: (u) => `${u}` },
];

/** The columns of the benchmark's feature table. */
export const INFERENCE_FEATURE_COLUMNS: ColumnDefinition[] = [
  { name: 'customer_id', type: 'long', required: true },
  { name: 'feature_date', type: 'date', required: true },
  ...NUMERIC.map((c) => ({ name: c.name, type: c.type })),
  { name: 'top_category_90d', type: 'string' },
];

/** DuckDB `SELECT` of `rows` feature rows for the feature date (customer ids 1..rows, some nulls). */
export function featureRowsSql(rows: number): string {
  const random = hashRandom(INFERENCE_SEED);
  const u = (stream: number) => random('i', stream);
  const numeric = NUMERIC.map((c, i) => `${c.sql(u(i + 1))} AS ${c.name}`);
  const pick = `CASE WHEN ${u(40)} < 0.03 THEN NULL ELSE [${CATEGORIES.map((c) => `'${c}'`).join(', ')}][1 + least(floor(${u(41)} * ${CATEGORIES.length}), ${CATEGORIES.length - 1})::INTEGER] END`;
  return `SELECT (i + 1)::BIGINT AS customer_id, DATE '${INFERENCE_FEATURE_DATE}' AS feature_date,
    ${numeric.join(',\n    ')}, ${pick} AS top_category_90d FROM range(${rows}) AS t(i)`;
}

/** Creates `features/customers` in `env` and appends `rows` rows for the feature date. */
export async function writeFeatureTable(env: TableEnv, rows: number): Promise<Table> {
  const table = await createTable(env, {
    namespace: 'features',
    name: 'customers',
    columns: INFERENCE_FEATURE_COLUMNS,
    partition: [{ column: 'feature_date', transform: 'month' }],
  });
  return appendData(table, { kind: 'sql', sql: featureRowsSql(rows) });
}

/** Standard-scaled numerics (NaN imputed with an indicator for the one nullable one), one-hot category. */
export function benchPreprocessor(): FittedPreprocessor {
  const features: FittedPreprocessor['features'] = [
    ...NUMERIC.map((c, i) => ({
      kind: 'numeric' as const,
      column: c.name,
      impute: c.name === 'amount_sd_365d' ? { value: 40, indicator: true } : { value: 0, indicator: false },
      log1p: c.name.startsWith('amount_'),
      scale: { kind: 'standard' as const, center: 1 + i / 10, scale: 2 + i / 7 },
    })),
    { kind: 'one-hot', column: 'top_category_90d', categories: [...CATEGORIES].sort(), infrequent: [] },
  ];
  return { format: 'fti-preprocessor', version: 1, features, featureNames: listFeatureNames(features) };
}

/** An MLP 64-32 (relu, sigmoid output) over the preprocessed width, seeded weights and biases. */
export function benchModel(width: number): DenseModel {
  const model = createModel({ kind: 'mlp', task: { kind: 'binary' }, hiddenLayers: [64, 32] }, width, {
    seed: INFERENCE_SEED,
  });
  const random = createMulberry32(INFERENCE_SEED + 1);
  for (const layer of model.layers)
    for (let i = 0; i < layer.bias.length; i++) layer.bias[i] = random() - 0.5;
  return model;
}
