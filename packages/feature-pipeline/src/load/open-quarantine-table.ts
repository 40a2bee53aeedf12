import { loadOrCreateTable, type Table, type TableEnv } from '@fti/feature-store';

/** Namespace of quarantine tables. */
export const QUARANTINE_NAMESPACE = 'quarantine';

/**
 * Opens (creating on first use) the quarantine table of a definition version,
 * `quarantine.<name>_v<version>`: one row per rejected input row or feature row with the run id, the stage
 * (`input`, `features`), the reasons (`; `-separated expectation ids or input issue kinds), the entity key and
 * times when known, and the whole row as JSON.
 */
export async function openQuarantineTable(
  env: TableEnv,
  definition: { name: string; version: number },
): Promise<Table> {
  const id = { namespace: QUARANTINE_NAMESPACE, name: `${definition.name}_v${definition.version}` };
  return loadOrCreateTable(env, {
    ...id,
    columns: [
      { name: 'run_id', type: 'string', required: true, doc: 'the run that set the row aside' },
      {
        name: 'stage',
        type: 'string',
        required: true,
        doc: '`input` (a source row) or `features` (a computed row)',
      },
      {
        name: 'reasons',
        type: 'string',
        required: true,
        doc: 'failed expectation ids or input issue kinds, `; `-separated',
      },
      { name: 'entity_key', type: 'string', doc: 'the entity key, as text, when known' },
      { name: 'feature_date', type: 'date', doc: 'feature date of a computed row' },
      { name: 'event_time', type: 'timestamp', doc: 'event time of a source row' },
      { name: 'record', type: 'string', required: true, doc: 'the whole row as JSON (or the raw CSV line)' },
    ],
    partition: [{ column: 'run_id', transform: 'identity' }],
  });
}
