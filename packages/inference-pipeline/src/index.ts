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
export { openPredictionsTable, PREDICTION_COLUMNS } from './score/predictions-table.js';
export { type ScoreBatchOptions, type ScoringSummary, scoreBatch } from './score/score-batch.js';
export type { ScoringEvent } from './score/scoring-event.js';
export { hashEntityKey } from './shard/hash-entity-key.js';
export { checkShard, HASH_SPACE, parseShard, type Shard, shardRange } from './shard/shard.js';
