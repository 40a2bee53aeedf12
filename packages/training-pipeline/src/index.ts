export type {
  BackendName,
  CategoricalValues,
  FeatureColumns,
  FeatureRows,
  FittedNumericFeature,
  FittedOneHotFeature,
  FittedPreprocessor,
  FittedScale,
  FtiModelMetadata,
  ModelArtifactFile,
  ModelArtifacts,
  RandomSource,
  SelectedBackend,
} from '@fti/model-runtime';
export {
  type Activation,
  ActivationSchema,
  applyPreprocessor,
  type CreateModelOptions,
  countOutputs,
  createModel,
  createMulberry32,
  type DenseLayer,
  type DenseModel,
  describeBackend,
  type FeatureMatrix,
  LAYERS_MODEL_NAME,
  type LayerActivation,
  type LayerPlan,
  LinearRegressionSpecSchema,
  LogisticRegressionSpecSchema,
  loadModelArtifacts,
  locateWasmBinaries,
  MISSING_SUFFIX,
  MlpSpecSchema,
  type ModelSpec,
  type ModelSpecInput,
  ModelSpecSchema,
  OTHER_CATEGORY,
  type PredictProbaOptions,
  parseModelSpec,
  planLayers,
  predictProba,
  readFittedPreprocessor,
  type SaveModelArtifactsOptions,
  type SelectBackendOptions,
  saveModelArtifacts,
  saveServableFiles,
  selectBackend,
  type Task,
  TaskSchema,
  taskOf,
  toLayersModel,
  UNSEEN_CATEGORY,
} from '@fti/model-runtime';
export { buildDataset } from './dataset/build-dataset.js';
export { checkFeatureValues } from './dataset/check-feature-values.js';
export type {
  Dataset,
  DatasetFeature,
  DatasetFeatureType,
  DatasetSource,
} from './dataset/dataset.js';
export {
  type DatasetSpec,
  type DatasetSpecInput,
  DatasetSpecSchema,
  type FeatureRefSpec,
  FeatureRefSpecSchema,
  type SpineSpec,
  SpineSpecSchema,
  type TableRef,
  TableRefSchema,
} from './dataset/dataset-spec.js';
export { hashSpine, type SpineRows } from './dataset/hash-spine.js';
export { splitDataset } from './dataset/split-dataset.js';
export { type SplitSpec, type SplitSpecInput, SplitSpecSchema } from './dataset/split-spec.js';
export { takeDatasetRows } from './dataset/take-dataset-rows.js';
export {
  ColumnValueError,
  DatasetError,
  type DatasetProblem,
  InvalidInputError,
  InvalidSearchSpaceError,
  RunNotFoundError,
  TrainingPipelineError,
  UndefinedMetricError,
} from './errors.js';
export type { BinaryConfusion } from './evaluation/binary-confusion.js';
export type { BinaryInput } from './evaluation/binary-input.js';
export { computeAveragePrecision } from './evaluation/compute-average-precision.js';
export { computeBrierScore } from './evaluation/compute-brier-score.js';
export {
  type CalibrationBin,
  type ComputeCalibrationBinsOptions,
  computeCalibrationBins,
} from './evaluation/compute-calibration-bins.js';
export { type ComputeConfusionOptions, computeConfusion } from './evaluation/compute-confusion.js';
export { computeLogLoss, LOG_LOSS_EPS } from './evaluation/compute-log-loss.js';
export {
  type ComputeMulticlassConfusionOptions,
  computeMulticlassConfusion,
  type MulticlassConfusion,
} from './evaluation/compute-multiclass-confusion.js';
export { computeMulticlassLogLoss } from './evaluation/compute-multiclass-log-loss.js';
export { computeR2 } from './evaluation/compute-r2.js';
export { computeRegressionErrors, type RegressionErrors } from './evaluation/compute-regression-errors.js';
export { computeRocAuc } from './evaluation/compute-roc-auc.js';
export {
  type BinaryEvaluation,
  type EvaluateBinaryOptions,
  evaluateBinary,
} from './evaluation/evaluate-binary.js';
export {
  type EvaluateBySegmentOptions,
  evaluateBySegment,
  type SegmentEvaluation,
  type SegmentReport,
  type SegmentTask,
} from './evaluation/evaluate-by-segment.js';
export { evaluateMulticlass, type MulticlassEvaluation } from './evaluation/evaluate-multiclass.js';
export { evaluateRegression, type RegressionEvaluation } from './evaluation/evaluate-regression.js';
export type { MulticlassInput } from './evaluation/multiclass-input.js';
export { predictClasses } from './evaluation/predict-classes.js';
export type { RegressionInput } from './evaluation/regression-input.js';
export { type ConfusionScores, scoreConfusion } from './evaluation/score-confusion.js';
export { type MulticlassScores, scoreMulticlassConfusion } from './evaluation/score-multiclass-confusion.js';
export {
  type ThresholdObjective,
  type TunedThreshold,
  type TuneThresholdOptions,
  tuneThreshold,
} from './evaluation/tune-threshold.js';
export type { UndefinedMetric } from './evaluation/undefined-metric.js';
export { fitPreprocessor } from './preprocessing/fit-preprocessor.js';
export type {
  FeatureSpec,
  ImputeSpec,
  NumericFeatureSpec,
  OneHotFeatureSpec,
  PreprocessorSpec,
  ScaleSpec,
} from './preprocessing/preprocessor-spec.js';
export { shuffleInPlace } from './random/shuffle-in-place.js';
export {
  type CandidateEvaluation,
  type EvaluateCandidateOptions,
  evaluateCandidate,
} from './run/evaluate-candidate.js';
export { PreprocessorSpecSchema } from './run/preprocessor-spec-schema.js';
export {
  PREPROCESSING_PATH,
  runTraining,
  type TrainingContext,
  type TrainingSummary,
} from './run/run-training.js';
export { sampleReferenceRows } from './run/sample-reference-rows.js';
export {
  parseTrainingConfig,
  type TrainingConfig,
  type TrainingConfigInput,
  TrainingConfigSchema,
} from './run/training-config.js';
export type { TrainingEvent } from './run/training-event.js';
export {
  REFERENCE_PATH,
  type ReferenceParquet,
  type ReferenceSplit,
  type WriteReferenceParquetOptions,
  writeReferenceParquet,
} from './run/write-reference-parquet.js';
export { type ComputeClassWeightsOptions, computeClassWeights } from './splits/compute-class-weights.js';
export { expandClassWeights } from './splits/expand-class-weights.js';
export { type GroupKFoldOptions, groupKFold } from './splits/group-k-fold.js';
export type { GroupKeys } from './splits/index-groups.js';
export type { Split } from './splits/split.js';
export { type SplitByGroupOptions, splitByGroup } from './splits/split-by-group.js';
export { type SplitByTimeOptions, splitByTime } from './splits/split-by-time.js';
export { type SplitStratifiedOptions, splitStratified } from './splits/split-stratified.js';
export { compareRuns, type RunComparisonRow } from './tracking/compare-runs.js';
export { getRun } from './tracking/get-run.js';
export { listRuns } from './tracking/list-runs.js';
export {
  type EpochLogEntry,
  RUN_RECORD_FORMAT,
  type RunRecord,
  RunRecordSchema,
  type TrialSummary,
  TrialSummarySchema,
} from './tracking/run-record.js';
export { type OpenRunTrackerOptions, openRunTracker, type RunTracker } from './tracking/run-tracker.js';
export { saveRun } from './tracking/save-run.js';
export type { ValidationMetrics } from './train/evaluate-validation.js';
export { parseTrainSpec } from './train/parse-train-spec.js';
export {
  type EpochMetrics,
  type TrainModelOptions,
  type TrainResult,
  trainModel,
} from './train/train-model.js';
export {
  AdamSpecSchema,
  type EarlyStoppingSpec,
  EarlyStoppingSpecSchema,
  type OptimizerSpec,
  OptimizerSpecSchema,
  SgdSpecSchema,
  type TrainSpec,
  type TrainSpecInput,
  TrainSpecSchema,
} from './train/train-spec.js';
export type { TrainingSet } from './train/training-set.js';
export { applyParams, type ResolvedTrialConfig, type TrialConfig } from './tuning/apply-params.js';
export {
  type CreateModelTrialRunnerOptions,
  createModelTrialRunner,
  type ModelTrialState,
} from './tuning/create-model-trial-runner.js';
export { type HalvingSpec, planHalving, type Rung } from './tuning/plan-halving.js';
export { sampleParams } from './tuning/sample-params.js';
export {
  type ParamDistribution,
  ParamDistributionSchema,
  type ParamValue,
  parseSearchSpace,
  type SearchSpace,
  type SearchSpaceInput,
  SearchSpaceSchema,
  type TrialParams,
} from './tuning/search-space.js';
export type { RungResult, TrialRecord } from './tuning/trial-record.js';
export {
  type TrialInput,
  type TrialOutcome,
  type TuneHyperparametersOptions,
  type TuningResult,
  tuneHyperparameters,
} from './tuning/tune-hyperparameters.js';
