import {
  addColumns,
  InvalidInputError,
  loadTable,
  type Table,
  type TableEnv,
  type TableIdentifier,
  type WritableType,
} from '@fti/feature-store';
import { InvalidScoringInputError } from '../errors.js';
import { openPredictionsTable } from './predictions-table.js';

type Column = { name: string; type: WritableType };

/**
 * Loads or creates the prediction log of batch scoring: the entity keys, the prediction columns, then the
 * model's raw input columns typed as in the input, so monitoring can read a window of the log as its
 * current data. A log created before inputs were logged gains the missing input columns by schema
 * evolution (optional columns: older rows read null). An input logged before with another type is an
 * {@link InvalidScoringInputError}.
 */
export async function openBatchLogTable(
  env: TableEnv,
  id: TableIdentifier,
  keys: Column[],
  inputs: Column[],
): Promise<Table> {
  let table = await openPredictionsTable(env, id, keys, inputs);
  for (let attempt = 0; attempt < 3; attempt++) {
    const missing = missingInputs(table, id, inputs);
    if (missing.length === 0) return table;
    try {
      return await addColumns(table, missing);
    } catch (error) {
      // Another shard added them first: reload and check again.
      if (!(error instanceof InvalidInputError)) throw error;
      table = await loadTable(env, id);
    }
  }
  return table;
}

function missingInputs(table: Table, id: TableIdentifier, inputs: Column[]): Column[] {
  const { metadata } = table.loaded;
  const schema = metadata.schemas.find((s) => s.schemaId === metadata.currentSchemaId);
  const types = new Map(
    (schema?.fields ?? []).map((f) => [f.name, typeof f.type === 'string' ? f.type : f.type.type]),
  );
  const clash = inputs.find((c) => types.has(c.name) && types.get(c.name) !== c.type);
  if (clash)
    throw new InvalidScoringInputError(
      'log',
      `table \`${id.namespace}/${id.name}\` logs \`${clash.name}\` as ${types.get(clash.name)} but the input has ${clash.type}; log into another table or cast the input column`,
    );
  return inputs.filter((c) => !types.has(c.name));
}
