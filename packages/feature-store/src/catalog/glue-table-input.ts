import type { Column, TableInput } from '@aws-sdk/client-glue';
import type { TableMetadata } from '../iceberg/types.js';
import { hiveType } from './hive-type.js';

/** What {@link glueTableInput} needs to describe one Iceberg table to Glue. */
export interface GlueTableInputOptions {
  name: string;
  metadata: TableMetadata;
  /** Absolute URI of the metadata JSON the table now points at. */
  metadataLocation: string;
  /** The metadata JSON it pointed at before this commit; absent on create. */
  previousMetadataLocation?: string;
  /** Parameters already on the Glue table (kept, except the pointer ones this function sets). */
  parameters?: Record<string, string>;
}

/**
 * The Glue `TableInput` that registers an Iceberg table the way Athena reads it: `EXTERNAL_TABLE` with
 * `table_type=ICEBERG` and `metadata_location`, and a storage descriptor listing the current schema's
 * columns as Hive types (so the Glue console and Athena show them), each tagged with its field id.
 */
export function glueTableInput(options: GlueTableInputOptions): TableInput {
  const { metadata } = options;
  const schema = metadata.schemas.find((s) => s.schemaId === metadata.currentSchemaId);
  const columns: Column[] = (schema?.fields ?? []).map((field) => ({
    Name: field.name,
    Type: hiveType(field.type),
    ...(field.doc === undefined ? {} : { Comment: field.doc }),
    Parameters: {
      'iceberg.field.id': String(field.id),
      'iceberg.field.optional': String(!field.required),
      'iceberg.field.current': 'true',
    },
  }));
  const parameters: Record<string, string> = {
    ...options.parameters,
    table_type: 'ICEBERG',
    metadata_location: options.metadataLocation,
  };
  if (options.previousMetadataLocation === undefined) delete parameters.previous_metadata_location;
  else parameters.previous_metadata_location = options.previousMetadataLocation;
  return {
    Name: options.name,
    TableType: 'EXTERNAL_TABLE',
    Parameters: parameters,
    StorageDescriptor: { Location: metadata.location, Columns: columns },
  };
}
