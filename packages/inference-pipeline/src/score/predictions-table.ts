import {
  type ColumnDefinition,
  loadOrCreateTable,
  type Table,
  type TableEnv,
  type TableIdentifier,
  type WritableType,
} from '@fti/feature-store';

/** The columns a predictions (or prediction log) table holds after the entity keys. */
export const PREDICTION_COLUMNS: ColumnDefinition[] = [
  { name: 'feature_date', type: 'date', required: true, doc: 'Feature date the features were computed for' },
  {
    name: 'entity_hash',
    type: 'long',
    required: true,
    doc: 'FNV-1a 32-bit hash of the entity key (sharding)',
  },
  { name: 'score', type: 'double', required: true, doc: 'Model output, e.g. P(label = 1)' },
  { name: 'predicted_class', type: 'int', required: true, doc: '1 when score ≥ threshold, else 0' },
  { name: 'threshold', type: 'double', required: true, doc: "The model's tuned decision threshold" },
  { name: 'model_name', type: 'string', required: true },
  { name: 'model_version', type: 'int', required: true },
  { name: 'feature_snapshot_id', type: 'long', doc: 'Snapshot of the feature table that was read' },
  { name: 'run_id', type: 'string', required: true, doc: 'Scoring run that wrote the row' },
  { name: 'scored_at', type: 'timestamptz', required: true },
];

/**
 * Loads the table, or creates it with the entity keys (typed as in the feature table), then
 * {@link PREDICTION_COLUMNS}, then `extra` columns (optional, e.g. the model inputs of a prediction log),
 * partitioned by day of `feature_date`.
 */
export async function openPredictionsTable(
  env: TableEnv,
  id: TableIdentifier,
  keys: { name: string; type: WritableType }[],
  extra: { name: string; type: WritableType }[] = [],
): Promise<Table> {
  // Shards racing to create it all open the one that won.
  return loadOrCreateTable(env, {
    ...id,
    columns: [
      ...keys.map((k) => ({ name: k.name, type: k.type, required: true })),
      ...PREDICTION_COLUMNS,
      ...extra.map((c) => ({ name: c.name, type: c.type })),
    ],
    partition: [{ column: 'feature_date', transform: 'day' }],
  });
}
