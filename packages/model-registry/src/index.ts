export type { AliasAction, AliasEvent, CheckResult, PromotionDecision } from './aliases/alias-event.js';
export {
  AliasEventSchema,
  CheckResultSchema,
  PromotionDecisionSchema,
} from './aliases/alias-event.js';
export type { AliasHistoryOptions } from './aliases/alias-history.js';
export { aliasHistory } from './aliases/alias-history.js';
export type { PromotionCheck, PromotionInputs } from './aliases/evaluate-promotion.js';
export { evaluatePromotion } from './aliases/evaluate-promotion.js';
export type { PromoteModelOptions, PromotionOutcome } from './aliases/promote-model.js';
export { promoteModel } from './aliases/promote-model.js';
export type { RollbackAliasOptions } from './aliases/rollback-alias.js';
export { rollbackAlias } from './aliases/rollback-alias.js';
export type { SetAliasOptions } from './aliases/set-alias.js';
export { setAlias } from './aliases/set-alias.js';
export { generateModelCard, MODEL_CARD_PATH } from './card/generate-model-card.js';
export {
  AliasConflictError,
  ChecksumMismatchError,
  CorruptModelError,
  InvalidModelInputError,
  ModelNotFoundError,
  ModelRegistryError,
  RegistrationFailedError,
} from './errors.js';
export type { RegistryKeys } from './layout/registry-keys.js';
export type { LoadedModel, LoadModelOptions, VerifiedArtifact } from './load/load-model.js';
export { loadModel } from './load/load-model.js';
export type { ModelRegistry, OpenModelRegistryOptions } from './open-model-registry.js';
export { openModelRegistry } from './open-model-registry.js';
export { getVersion } from './read/get-version.js';
export type { ModelSummary } from './read/list-models.js';
export { listModels } from './read/list-models.js';
export { listVersions } from './read/list-versions.js';
export { resolveModelRef } from './read/resolve-model-ref.js';
export type { Lineage, LineageInput, LineageSource } from './records/lineage.js';
export { LineageSchema, LineageSourceSchema, SnapshotIdSchema } from './records/lineage.js';
export type { ModelAliasRef, ModelRef, ModelVersionRef } from './records/model-ref.js';
export { formatModelRef, ModelRefSchema } from './records/model-ref.js';
export type { Artifact, ModelVersion, SegmentMetrics } from './records/model-version.js';
export {
  ArtifactSchema,
  MODEL_VERSION_FORMAT,
  ModelVersionSchema,
  SegmentMetricsSchema,
} from './records/model-version.js';
export { parseModelVersion, serializeModelVersion } from './records/model-version-json.js';
export { AliasNameSchema, ArtifactPathSchema, ModelNameSchema } from './records/names.js';
export type { Signature, SignatureInput, TensorSpec, ValueType } from './records/signature.js';
export { SignatureSchema, TensorSpecSchema, ValueTypeSchema } from './records/signature.js';
export type { ArtifactSource, RegisterModelOptions } from './register/register-model.js';
export { registerModel } from './register/register-model.js';
export type { SweepIncompleteVersionsOptions } from './register/sweep-incomplete-versions.js';
export { sweepIncompleteVersions } from './register/sweep-incomplete-versions.js';
