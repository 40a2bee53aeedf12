import {
  type ColumnDefinition,
  loadOrCreateTable,
  type Table,
  type TableEnv,
  type TableIdentifier,
} from '@fti/feature-store';

/** Columns of the online prediction log: one row per scored request row. */
export const ONLINE_LOG_COLUMNS: ColumnDefinition[] = [
  { name: 'request_id', type: 'string', required: true, doc: 'Id of the HTTP request (x-request-id)' },
  { name: 'row_index', type: 'int', required: true, doc: 'Row of the request (0 for single-row requests)' },
  { name: 'model_name', type: 'string', required: true },
  { name: 'model_version', type: 'int', required: true },
  {
    name: 'entity_id',
    type: 'string',
    doc: 'Entity whose online features were scored; null for inline rows',
  },
  { name: 'score', type: 'double', required: true, doc: 'Model output, e.g. P(label = 1)' },
  { name: 'predicted_class', type: 'int', doc: 'Binary: 1 when score ≥ threshold; null for regression' },
  { name: 'latency_ms', type: 'double', required: true, doc: 'Time to validate and score the request, ms' },
  { name: 'inputs', type: 'string', required: true, doc: 'The scored feature values as JSON' },
  { name: 'logged_at', type: 'timestamptz', required: true },
];

/** Loads the online prediction log, or creates it with {@link ONLINE_LOG_COLUMNS}, partitioned by day. */
export async function openPredictionLogTable(env: TableEnv, id: TableIdentifier): Promise<Table> {
  return loadOrCreateTable(env, {
    ...id,
    columns: ONLINE_LOG_COLUMNS,
    partition: [{ column: 'logged_at', transform: 'day' }],
  });
}
