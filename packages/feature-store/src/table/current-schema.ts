import { CorruptTableError } from '../errors.js';
import type { PartitionSpec, Schema, TableMetadata } from '../iceberg/types.js';

/** The table's current schema. */
export function currentSchema(metadata: TableMetadata, schemaId = metadata.currentSchemaId): Schema {
  const schema = metadata.schemas.find((s) => s.schemaId === schemaId);
  if (!schema)
    throw new CorruptTableError(`schema ${schemaId} is not in the table metadata`, metadata.location);
  return schema;
}

/** The table's default partition spec. */
export function currentSpec(metadata: TableMetadata): PartitionSpec {
  const spec = metadata.partitionSpecs.find((s) => s.specId === metadata.defaultSpecId);
  if (!spec)
    throw new CorruptTableError(`partition spec ${metadata.defaultSpecId} is missing`, metadata.location);
  return spec;
}
