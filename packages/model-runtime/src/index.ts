export type { BackendName, SelectedBackend } from './backend/backend-name.js';
export { locateWasmBinaries } from './backend/locate-wasm-binaries.js';
export { readTensorInto } from './backend/read-tensor-into.js';
export { describeBackend, type SelectBackendOptions, selectBackend } from './backend/select-backend.js';
export { ColumnValueError, InvalidInputError, ModelRuntimeError } from './errors.js';
export { applyDense, applyLayers, type LayerTensors, uploadLayers } from './models/apply-layers.js';
export { type CreateModelOptions, createModel } from './models/create-model.js';
export {
  countOutputs,
  type DenseLayer,
  type DenseModel,
  type LayerActivation,
  taskOf,
} from './models/dense-model.js';
export type { FeatureRows } from './models/feature-rows.js';
export { loadModelArtifacts } from './models/load-model-artifacts.js';
export type { FtiModelMetadata, ModelArtifactFile, ModelArtifacts } from './models/model-artifacts.js';
export {
  type Activation,
  ActivationSchema,
  LinearRegressionSpecSchema,
  LogisticRegressionSpecSchema,
  MlpSpecSchema,
  type ModelSpec,
  type ModelSpecInput,
  ModelSpecSchema,
  type Task,
  TaskSchema,
} from './models/model-spec.js';
export { parseModelSpec } from './models/parse-model-spec.js';
export { type LayerPlan, planLayers } from './models/plan-layers.js';
export { type PredictProbaOptions, predictProba, predictProbaSync } from './models/predict-proba.js';
export { type SaveModelArtifactsOptions, saveModelArtifacts } from './models/save-model-artifacts.js';
export { PREPROCESSING_PATH, saveServableFiles } from './models/save-servable-files.js';
export { LAYERS_MODEL_NAME, toLayersModel } from './models/to-layers-model.js';
export { ScoringPool, type ScoringPoolOptions } from './parallel/scoring-pool.js';
export {
  type ApplyPreprocessorOptions,
  applyPreprocessor,
  type FeatureMatrix,
} from './preprocessing/apply-preprocessor.js';
export { applyScale } from './preprocessing/apply-scale.js';
export { countRows } from './preprocessing/count-rows.js';
export type { CategoricalValues, FeatureColumns } from './preprocessing/feature-columns.js';
export type {
  FittedNumericFeature,
  FittedOneHotFeature,
  FittedPreprocessor,
  FittedScale,
} from './preprocessing/fitted-preprocessor.js';
export {
  listFeatureNames,
  MISSING_SUFFIX,
  OTHER_CATEGORY,
  UNSEEN_CATEGORY,
} from './preprocessing/list-feature-names.js';
export { prepareNumericColumn } from './preprocessing/prepare-numeric-column.js';
export { readCategoricalColumn, readNumericColumn } from './preprocessing/read-column.js';
export { readFittedPreprocessor } from './preprocessing/read-fitted-preprocessor.js';
export { createMulberry32 } from './random/create-mulberry32.js';
export type { RandomSource } from './random/random-source.js';
