export { type CompileFeatureSqlOptions, compileFeatureSql } from './compile/compile-feature-sql.js';
export { type CompileLabelSqlOptions, compileLabelSql } from './compile/compile-label-sql.js';
export {
  athenaDialect,
  type DialectName,
  dialectFor,
  duckdbDialect,
  type SqlDialect,
} from './compile/dialect.js';
export { canonicalJson } from './definition/canonical-json.js';
export {
  type CheckDefinitionVersionOptions,
  checkDefinitionVersion,
  type DefinitionVersionCheck,
  type RecordedDefinition,
} from './definition/check-definition-version.js';
export { definitionHash } from './definition/definition-hash.js';
export { expr } from './definition/expr.js';
export type {
  ArithmeticOp,
  CastTarget,
  ComparisonOp,
  DatePartOp,
  Expr,
  LiteralValue,
} from './definition/expression.js';
export { ExprSchema } from './definition/expression.js';
export {
  type AggregateFn,
  AggregateFnSchema,
  type Feature,
  type FeatureInput,
  FeatureSchema,
} from './definition/feature.js';
export {
  expandFeatureDates,
  type FeatureDatesInput,
  FeatureDatesSchema,
  IsoDateSchema,
  MAX_FEATURE_DATES,
} from './definition/feature-dates.js';
export {
  type FeatureSetDefinition,
  type FeatureSetDefinitionInput,
  FeatureSetDefinitionSchema,
} from './definition/feature-set-definition.js';
export type { FeatureColumn, FeatureValueType } from './definition/feature-value-type.js';
export {
  type Label,
  type LabelDefinition,
  type LabelDefinitionInput,
  LabelDefinitionSchema,
  LabelSchema,
} from './definition/label-definition.js';
export { parseFeatureSetDefinition } from './definition/parse-feature-set-definition.js';
export { parseLabelDefinition } from './definition/parse-label-definition.js';
export { type ResolvedFeatureSet, resolveFeatureSet } from './definition/resolve-feature-set.js';
export {
  type ResolvedLabelDefinition,
  resolveLabelDefinition,
} from './definition/resolve-label-definition.js';
export { FEATURE_DATE_COLUMN } from './definition/resolve-source.js';
export {
  type ColumnType,
  ColumnTypeSchema,
  type Entity,
  EntitySchema,
  type Source,
  type SourceInput,
  SourceSchema,
} from './definition/source.js';
export { AthenaEngine, type AthenaEngineOptions } from './engine/athena-engine.js';
export { DuckDbEngine, type DuckDbEngineOptions } from './engine/duckdb-engine.js';
export type {
  EngineDialect,
  QueryColumn,
  QueryEngine,
  QueryResult,
  QueryValue,
  QueryValueType,
  RunOptions,
  UnloadResult,
} from './engine/query-engine.js';
export { QueryCancelledError, QueryFailedError, QueryTimeoutError } from './engine/query-errors.js';
export { DefinitionVersionConflictError, FeaturePipelineError, InvalidDefinitionError } from './errors.js';
export { extract } from './extract/extract.js';
export type {
  CsvReject,
  CsvRejects,
  ExtractContext,
  Extracted,
  SourceLineage,
} from './extract/extract-context.js';
export { SourceNotFoundError, SourceSchemaError } from './extract/extract-errors.js';
export { parseExtractSource } from './extract/parse-extract-source.js';
export {
  type AthenaSource,
  AthenaSourceSchema,
  type CsvSource,
  CsvSourceSchema,
  type ExtractSource,
  type ExtractSourceInput,
  ExtractSourceSchema,
  type ParquetSource,
  ParquetSourceSchema,
  type SqlSource,
  SqlSourceSchema,
  type TableSource,
  TableSourceSchema,
} from './extract/source-config.js';
export { type CheckStoredDefinitionOptions, checkStoredDefinition } from './load/check-stored-definition.js';
export { DEFINITION_HASH_TAG, type FeatureViewOfOptions, featureViewOf } from './load/feature-view-of.js';
export { type LineagePropertiesOptions, lineageProperties } from './load/lineage-properties.js';
export { type LoadFeaturesOptions, loadFeatures } from './load/load-features.js';
export { openQuarantineTable, QUARANTINE_NAMESPACE } from './load/open-quarantine-table.js';
export {
  DefinitionRefSchema,
  EngineConfigSchema,
  type FeaturePipelineConfig,
  type FeaturePipelineConfigInput,
  FeaturePipelineConfigSchema,
  WarehouseConfigSchema,
} from './run/feature-pipeline-config.js';
export { type ResolveDefinitionOptions, resolveDefinition } from './run/resolve-definition.js';
export type { PipelineProgress, PipelineStage, RunContext } from './run/run-context.js';
export { LABELS_NAMESPACE, runFeaturePipeline } from './run/run-feature-pipeline.js';
export type { CommittedTable, RunSummary } from './run/run-summary.js';
export { type CheckInputOptions, checkInput, type InputCheck } from './validate/check-input.js';
export {
  type Expectation,
  type ExpectationInput,
  ExpectationSchema,
  expectationId,
  isRowExpectation,
  type RowExpectation,
} from './validate/expectation.js';
export { formatValidationReport } from './validate/format-validation-report.js';
export { type ColumnDistribution, measureDistribution } from './validate/measure-distribution.js';
export {
  type FeatureValidation,
  type ValidateFeaturesOptions,
  validateFeatures,
} from './validate/validate-features.js';
export {
  INPUT_ISSUE_KINDS,
  type InputIssueKind,
  type ValidationConfig,
  type ValidationConfigInput,
  ValidationConfigSchema,
  type ValidationPolicy,
  ValidationPolicySchema,
} from './validate/validation-config.js';
export { ValidationFailedError } from './validate/validation-failed-error.js';
export type {
  ExpectationResult,
  InputIssueResult,
  SampleRow,
  ValidationReport,
} from './validate/validation-report.js';
