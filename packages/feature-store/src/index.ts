export * from './errors.js';
export type * from './iceberg/types.js';
export type * from './iceberg/filter.js';
export type * from './object-store/object-store.js';
export type { Catalog, LoadedTable, TableIdentifier } from './catalog/catalog.js';
export { CommitConflict } from './catalog/catalog.js';
export { newTableMetadata } from './iceberg/new-table-metadata.js';
export type { NewTableMetadataOptions } from './iceberg/new-table-metadata.js';
export { parseTableMetadata, serializeTableMetadata } from './iceberg/table-metadata.js';
export { decodeBound, encodeBound } from './iceberg/bounds.js';
export { compareValues } from './iceberg/compare-values.js';
export { createPartitionSpec, PartitionDefinitionSchema } from './iceberg/partition.js';
export type { CreatePartitionSpecOptions, PartitionDefinition } from './iceberg/partition.js';
export { humanValue, partitionPath } from './iceberg/partition-path.js';
export { addColumn, ColumnDefinitionSchema, createSchema, WritableTypeSchema } from './iceberg/schema.js';
export type { AddColumnResult, ColumnDefinition, WritableType } from './iceberg/schema.js';
export { schemaFromJson, schemaToJson, typeFromJson, typeToJson } from './iceberg/schema-json.js';
export { applyTransform, canTransform, transformResultType } from './iceberg/transform.js';
export type { IcebergValue } from './iceberg/value.js';
export { LocalObjectStore } from './object-store/local-object-store.js';
export type { LocalObjectStoreOptions } from './object-store/local-object-store.js';
export { S3ObjectStore } from './object-store/s3-object-store.js';
export type { S3ObjectStoreOptions } from './object-store/s3-object-store.js';
export { FolderCatalog } from './catalog/folder-catalog.js';
export type { FolderCatalogOptions } from './catalog/folder-catalog.js';
export { GlueCatalog } from './catalog/glue-catalog.js';
export type { GlueCatalogOptions } from './catalog/glue-catalog.js';
export { describeManifest } from './iceberg/describe-manifest.js';
export type { DescribeManifestOptions } from './iceberg/describe-manifest.js';
export { readManifest, writeManifest } from './iceberg/manifest.js';
export type { ReadManifest, WriteManifestOptions } from './iceberg/manifest.js';
export { readManifestList, writeManifestList } from './iceberg/manifest-list.js';
export type { WriteManifestListOptions } from './iceberg/manifest-list.js';
export { summarizePartitions } from './iceberg/summarize-partitions.js';
export { defineEntity, EntitySchema, JoinKeyTypeSchema } from './features/entity.js';
export type { Entity, EntityInput, JoinKeyType } from './features/entity.js';
export {
  defineFeatureView,
  FeatureSchema,
  FeatureTypeSchema,
  FeatureViewSchema,
  PartitionFieldSchema,
} from './features/feature-view.js';
export type {
  DefineFeatureViewOptions,
  Feature,
  FeatureType,
  FeatureView,
  FeatureViewInput,
  PartitionField,
} from './features/feature-view.js';
export { parseTtl } from './features/parse-ttl.js';
export { parseFeatureView, serializeFeatureView } from './features/feature-view-json.js';
export { FEATURE_VIEW_PROPERTY } from './features/feature-view-property.js';
export { deriveFeatureViewTable } from './features/feature-view-table.js';
export type { FeatureViewColumn, FeatureViewTable } from './features/feature-view-table.js';
export { planPointInTimeJoin } from './features/point-in-time-join-plan.js';
export type {
  PlanPointInTimeJoinOptions,
  PointInTimeJoinPlan,
  PointInTimeOutputColumn,
  PointInTimeSpine,
  PointInTimeViewRequest,
} from './features/point-in-time-join-plan.js';
export { runPointInTimeJoin } from './features/point-in-time-join.js';
export type { RunPointInTimeJoinOptions } from './features/point-in-time-join.js';
