import { addColumn, type ColumnDefinition } from '../iceberg/schema.js';
import { commitMetadata } from './commit-metadata.js';
import { currentSchema } from './current-schema.js';
import type { Table } from './table-env.js';

/**
 * Adds optional columns at the end of the schema as one new schema version. Existing files are untouched:
 * reads of old snapshots and old files return null for the new columns.
 * @throws InvalidInputError naming the column when it is required or its name exists.
 */
export async function addColumns(table: Table, columns: ColumnDefinition[]): Promise<Table> {
  return commitMetadata(table, (base) => {
    let schema = currentSchema(base);
    let lastColumnId = base.lastColumnId;
    const nextSchemaId = Math.max(...base.schemas.map((s) => s.schemaId)) + 1;
    for (const column of columns) {
      ({ schema, lastColumnId } = addColumn(schema, column, lastColumnId, { schemaId: nextSchemaId }));
    }
    return {
      ...base,
      schemas: [...base.schemas, schema],
      currentSchemaId: schema.schemaId,
      lastColumnId,
    };
  });
}
