export * from './errors.js';
export type * from './iceberg/types.js';
export type * from './iceberg/filter.js';
export type * from './object-store/object-store.js';
export type { Catalog, LoadedTable, TableIdentifier } from './catalog/catalog.js';
export { CommitConflict } from './catalog/catalog.js';
export { newTableMetadata } from './iceberg/new-table-metadata.js';
export type { NewTableMetadataOptions } from './iceberg/new-table-metadata.js';
export { parseTableMetadata, serializeTableMetadata } from './iceberg/table-metadata.js';
