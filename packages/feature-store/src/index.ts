export type { Catalog, LoadedTable, TableIdentifier } from './catalog/catalog.js';
export { CommitConflict } from './catalog/catalog.js';
export type { FolderCatalogOptions } from './catalog/folder-catalog.js';
export { FolderCatalog } from './catalog/folder-catalog.js';
export type { GlueCatalogOptions } from './catalog/glue-catalog.js';
export { GlueCatalog } from './catalog/glue-catalog.js';
export { collectArrowTable } from './engine/collect-arrow-table.js';
export type { ChunkStream, DuckDbOptions } from './engine/duck-db.js';
export { DuckDb } from './engine/duck-db.js';
export { filterToSql } from './engine/filter-sql.js';
export { loadArrowTable } from './engine/load-arrow-table.js';
export type { ColumnArrays, ColumnValues, ReadDataFilesOptions } from './engine/read-data-files.js';
export { readColumns, readDataFiles, readDataFilesToTable } from './engine/read-data-files.js';
export type { DeleteFileTask, ScanSqlOptions, ScanTask as ReadTask } from './engine/scan-sql.js';
export { ROW_ADDRESS_COLUMNS, scanSql } from './engine/scan-sql.js';
export type { SqlValue } from './engine/sql-quote.js';
export { quoteIdentifier, quoteLiteral } from './engine/sql-quote.js';
export type { StagedDataFile } from './engine/staged-data-file.js';
export { streamArrowBatches } from './engine/stream-arrow-batches.js';
export type { DataSource, ParquetCompression, WriteDataFilesOptions } from './engine/write-data-files.js';
export { writeDataFiles } from './engine/write-data-files.js';
export * from './errors.js';
export type { Entity, EntityInput, JoinKeyType } from './features/entity.js';
export { defineEntity, EntitySchema, JoinKeyTypeSchema } from './features/entity.js';
export type {
  DefineFeatureViewOptions,
  Feature,
  FeatureType,
  FeatureView,
  FeatureViewInput,
  PartitionField,
} from './features/feature-view.js';
export {
  defineFeatureView,
  FeatureSchema,
  FeatureTypeSchema,
  FeatureViewSchema,
  PartitionFieldSchema,
} from './features/feature-view.js';
export { parseFeatureView, serializeFeatureView } from './features/feature-view-json.js';
export { FEATURE_VIEW_PROPERTY } from './features/feature-view-property.js';
export type { FeatureViewColumn, FeatureViewTable } from './features/feature-view-table.js';
export { deriveFeatureViewTable } from './features/feature-view-table.js';
export { parseTtl } from './features/parse-ttl.js';
export type { RunPointInTimeJoinOptions } from './features/point-in-time-join.js';
export { runPointInTimeJoin } from './features/point-in-time-join.js';
export type {
  PlanPointInTimeJoinOptions,
  PointInTimeJoinPlan,
  PointInTimeOutputColumn,
  PointInTimeSpine,
  PointInTimeViewRequest,
} from './features/point-in-time-join-plan.js';
export { planPointInTimeJoin } from './features/point-in-time-join-plan.js';
export { decodeBound, encodeBound } from './iceberg/bounds.js';
export { compareValues } from './iceberg/compare-values.js';
export type { DescribeManifestOptions } from './iceberg/describe-manifest.js';
export { describeManifest } from './iceberg/describe-manifest.js';
export type * from './iceberg/filter.js';
export type { ReadManifest, WriteManifestOptions } from './iceberg/manifest.js';
export { readManifest, writeManifest } from './iceberg/manifest.js';
export type { WriteManifestListOptions } from './iceberg/manifest-list.js';
export { readManifestList, writeManifestList } from './iceberg/manifest-list.js';
export type { NewTableMetadataOptions } from './iceberg/new-table-metadata.js';
export { newTableMetadata } from './iceberg/new-table-metadata.js';
export type { CreatePartitionSpecOptions, PartitionDefinition } from './iceberg/partition.js';
export { createPartitionSpec, PartitionDefinitionSchema } from './iceberg/partition.js';
export { humanValue, partitionPath } from './iceberg/partition-path.js';
export type { PlanScanOptions, ScanPlan, ScanTask } from './iceberg/scan-plan.js';
export { planScan } from './iceberg/scan-plan.js';
export type { AddColumnResult, ColumnDefinition, WritableType } from './iceberg/schema.js';
export { addColumn, ColumnDefinitionSchema, createSchema, WritableTypeSchema } from './iceberg/schema.js';
export { schemaFromJson, schemaToJson, typeFromJson, typeToJson } from './iceberg/schema-json.js';
export type { SnapshotSelector } from './iceberg/select-snapshot.js';
export { selectSnapshot } from './iceberg/select-snapshot.js';
export { summarizePartitions } from './iceberg/summarize-partitions.js';
export { parseTableMetadata, serializeTableMetadata } from './iceberg/table-metadata.js';
export { applyTransform, canTransform, transformResultType } from './iceberg/transform.js';
export type * from './iceberg/types.js';
export type { IcebergValue } from './iceberg/value.js';
export type { LocalObjectStoreOptions } from './object-store/local-object-store.js';
export { LocalObjectStore } from './object-store/local-object-store.js';
export type * from './object-store/object-store.js';
export type { S3ObjectStoreOptions } from './object-store/s3-object-store.js';
export { S3ObjectStore } from './object-store/s3-object-store.js';
export type { EmbeddedOnlineStoreOptions } from './online/embedded-online-store.js';
export { EmbeddedOnlineStore } from './online/embedded-online-store.js';
export type { MaterializeOnlineOptions, MaterializeOnlineResult } from './online/materialize-online.js';
export { materializeOnline } from './online/materialize-online.js';
export type {
  EntityKey,
  OnlineFeatures,
  OnlineRow,
  OnlineStore,
  OnlineValue,
  OnlineWatermark,
} from './online/online-store.js';
export type {
  OnlineMaterializationPlan,
  PlanOnlineMaterializationOptions,
} from './online/plan-online-materialization.js';
export { planOnlineMaterialization } from './online/plan-online-materialization.js';
export type { RedisOnlineStoreOptions } from './online/redis-online-store.js';
export { RedisOnlineStore } from './online/redis-online-store.js';
export { FEATURES_NAMESPACE, featureViewTableId } from './store/feature-view-table-id.js';
export type {
  GetHistoricalFeaturesOptions,
  HistoricalFeatures,
  SpineInput,
} from './store/get-historical-features.js';
export { getHistoricalFeatures } from './store/get-historical-features.js';
export type { RegisterFeatureViewOptions } from './store/register-feature-view.js';
export { registerFeatureView, storedFeatureView } from './store/register-feature-view.js';
export { addColumns } from './table/add-columns.js';
export type { AppendOptions } from './table/append-data.js';
export { appendData } from './table/append-data.js';
export type { Replacement, SnapshotChange } from './table/commit-snapshot.js';
export { commitSnapshot } from './table/commit-snapshot.js';
export type { CreateTableOptions } from './table/create-table.js';
export { createTable, loadTable } from './table/create-table.js';
export type { TableDescription } from './table/describe-table.js';
export { describeTable } from './table/describe-table.js';
export type { ExpireOptions, ExpireResult } from './table/expire-snapshots.js';
export { expireSnapshots } from './table/expire-snapshots.js';
export { FileIo } from './table/file-io.js';
export type { SnapshotInfo } from './table/list-snapshots.js';
export { listSnapshots } from './table/list-snapshots.js';
export { loadOrCreateTable } from './table/load-or-create-table.js';
export type { LoadTableFromMetadataOptions, MetadataAlias } from './table/load-table-from-metadata.js';
export { loadTableFromMetadata } from './table/load-table-from-metadata.js';
export type { OpenTableWriterOptions, TableWriteMode, TableWriter } from './table/open-table-writer.js';
export { openTableWriter } from './table/open-table-writer.js';
export type { OpenWarehouseOptions, Warehouse, WarehouseLocation } from './table/open-warehouse.js';
export { openWarehouse } from './table/open-warehouse.js';
export type { OverwriteOptions } from './table/overwrite-partitions.js';
export { overwritePartitions } from './table/overwrite-partitions.js';
export type { OverwriteWhereOptions } from './table/overwrite-where.js';
export { overwriteWhere } from './table/overwrite-where.js';
export type { ReadPlan } from './table/plan-read.js';
export { planRead } from './table/plan-read.js';
export type { ReadOptions } from './table/read-options.js';
export type { ScanOptions } from './table/scan-table.js';
export {
  queryTable,
  queryTableArrow,
  readTable,
  readTableColumns,
  scanTable,
  snapshotRelation,
} from './table/scan-table.js';
export type { RetryPolicy, Table, TableEnv } from './table/table-env.js';
