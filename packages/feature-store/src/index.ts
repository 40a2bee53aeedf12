export * from './errors.js';
export type * from './iceberg/types.js';
export type * from './iceberg/filter.js';
export type * from './object-store/object-store.js';
export type { Catalog, LoadedTable, TableIdentifier } from './catalog/catalog.js';
export { CommitConflict } from './catalog/catalog.js';
