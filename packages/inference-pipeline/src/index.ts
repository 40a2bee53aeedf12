export {
  InferencePipelineError,
  InvalidScoringInputError,
  SignatureMismatchError,
  type SignatureProblem,
  UnservableModelError,
} from './errors.js';
export { type CheckSignatureOptions, checkSignature } from './load/check-signature.js';
export { describeServableModel, loadServableModel, PREPROCESSING_PATH } from './load/load-servable-model.js';
export type { ServableModel } from './load/servable-model.js';
export {
  compileRequestReader,
  type ReadRequestOptions,
  type RequestReader,
} from './online/compile-request-reader.js';
export { forwardPass } from './online/forward-pass.js';
export {
  type EntityId,
  type LookupEntityFeaturesOptions,
  lookupEntityFeatures,
  toEntityKey,
} from './online/lookup-entity-features.js';
export {
  createModelHolder,
  type ModelHolder,
  type ModelHolderOptions,
  type ReloadResult,
} from './online/model-holder.js';
export {
  EntityNotFoundError,
  InvalidRequestError,
  ModelNotReadyError,
  type RequestProblem,
} from './online/online-errors.js';
export { type OnlineModel, prepareOnlineModel } from './online/online-model.js';
export { ONLINE_LOG_COLUMNS, openPredictionLogTable } from './online/prediction-log-table.js';
export {
  type PredictionLogEntry,
  type PredictionLogStats,
  PredictionLogWriter,
  type PredictionLogWriterOptions,
} from './online/prediction-log-writer.js';
export { type OnlinePrediction, type ScoreRowsOptions, scoreRows } from './online/score-rows.js';
export { type JsonSchema, signatureJsonSchema } from './online/signature-json-schema.js';
export { openBatchLogTable } from './score/batch-log-table.js';
export { openPredictionsTable, PREDICTION_COLUMNS } from './score/predictions-table.js';
export { type ScoreBatchOptions, type ScoringSummary, scoreBatch } from './score/score-batch.js';
export type { ScoringEvent } from './score/scoring-event.js';
export type { ScoringInput } from './score/scoring-input.js';
export { hashEntityKey } from './shard/hash-entity-key.js';
export { hashKeyColumns } from './shard/hash-key-columns.js';
export { checkShard, HASH_SPACE, parseShard, type Shard, shardRange } from './shard/shard.js';
