export { type Alert, SEVERITY_ORDER, type Severity } from './alerts/alert.js';
export {
  ALERT_STATE_KEY,
  type AlertState,
  isCoolingDown,
  readAlertState,
  writeAlertState,
} from './alerts/alert-cooldown.js';
export { buildSlackPayload } from './alerts/build-slack-payload.js';
export { type DispatchAlertOptions, dispatchAlert } from './alerts/dispatch-alert.js';
export { type RetryOptions, sendWebhook, type WebhookResult } from './alerts/send-webhook.js';
export type { ColumnDrift, ColumnDriftStatus } from './drift/column-drift.js';
export {
  type ComputeCategoricalDriftOptions,
  computeCategoricalDrift,
} from './drift/compute-categorical-drift.js';
export {
  type ComputeDatasetDriftOptions,
  computeDatasetDrift,
  type DatasetDrift,
} from './drift/compute-dataset-drift.js';
export {
  type ComputeDriftInput,
  type CurrentColumn,
  computeDrift,
  type DriftReport,
} from './drift/compute-drift.js';
export { type ComputeNumericDriftOptions, computeNumericDrift } from './drift/compute-numeric-drift.js';
export { DEFAULT_THRESHOLD, type DriftMethod, type DriftOverride, IS_TEST } from './drift/drift-method.js';
export { type NumericSample, prepareNumericSample } from './drift/prepare-numeric-sample.js';
export { type DriftSelectionInput, selectDriftMethod } from './drift/select-drift-method.js';
export {
  ColumnMismatchError,
  EmptySampleError,
  InvalidStatisticInputError,
  MonitoringError,
} from './errors.js';
export {
  type CalibrationBin,
  computeCalibrationByGroup,
  type GroupCalibration,
} from './fairness/calibration-by-group.js';
export { computeFairness, type FairnessReport } from './fairness/compute-fairness.js';
export { computeGroupRates, type GroupRates } from './fairness/group-rates.js';
export { type BinaryMetrics, computeBinaryMetrics } from './performance/binary-metrics.js';
export {
  DEFAULT_DEGRADATION_RULES,
  type DegradationRule,
  detectDegradation,
  METRIC_DIRECTION,
  type MetricComparison,
  type MetricName,
} from './performance/detect-degradation.js';
export { joinLabels, type KeyedValues, type LabelledPredictions } from './performance/join-labels.js';
export { computeRegressionMetrics, type RegressionMetrics } from './performance/regression-metrics.js';
export { rocAuc } from './performance/roc-auc.js';
export { type BuildNumericProfileOptions, buildNumericProfile } from './profile/build-numeric-profile.js';
export { buildReferenceProfiles } from './profile/build-reference-profiles.js';
export type { CategoricalColumn } from './profile/categorical-column.js';
export type { CategoricalProfile } from './profile/categorical-profile.js';
export { countCategories } from './profile/count-categories.js';
export { decodeFloat64, type EncodedFloat64, encodeFloat64 } from './profile/encoded-float64.js';
export type { NumericProfile } from './profile/numeric-profile.js';
export {
  type ColumnProfile,
  parseProfile,
  type SerializedColumnProfile,
  serializeProfile,
} from './profile/serialize-profile.js';
export { checkColumnQuality } from './quality/check-column-quality.js';
export { checkFreshness } from './quality/check-freshness.js';
export { compareSchemas } from './quality/compare-schemas.js';
export { compareVolume } from './quality/compare-volume.js';
export { type ComputeDataQualityInput, computeDataQuality } from './quality/compute-data-quality.js';
export type { ColumnQuality, DataQuality, Freshness, SchemaChanges, Volume } from './quality/data-quality.js';
export { DEFAULT_QUALITY_THRESHOLDS, type QualityThresholds } from './quality/quality-thresholds.js';
export { buildDistribution } from './report/build-distribution.js';
export {
  type Delivery,
  type Distribution,
  type MonitoringReport,
  MonitoringReportSchema,
  type PerformanceSection,
  type RetrainDecision,
  type RunPoint,
} from './report/monitoring-report.js';
export { pushToPushgateway } from './report/push-to-pushgateway.js';
export { renderHtmlReport } from './report/render-html-report.js';
export { renderPrometheus } from './report/render-prometheus.js';
export { appendRun, openRunsTable, RUNS_TABLE, readRunHistory } from './report/runs-table.js';
export { writePrometheusTextfile } from './report/write-prometheus-textfile.js';
export {
  evaluateRetrainPolicy,
  RETRAIN_EXIT_CODE,
  type RetrainPolicy,
  type RetrainSignals,
} from './retrain/retrain-policy.js';
export { type RetrainEvent, writeRetrainEvent } from './retrain/write-retrain-event.js';
export { buildAlert } from './run/build-alert.js';
export type { Frame } from './run/frame.js';
export { InvalidMonitoringConfigError } from './run/invalid-monitoring-config-error.js';
export { loadFrame } from './run/load-frame.js';
export {
  loadModelReference,
  MODEL_REFERENCE_PATH,
  type ModelReferenceInfo,
  modelProfileKey,
} from './run/load-model-reference.js';
export {
  type ModelSource,
  ModelSourceSchema,
  type MonitoringConfig,
  type MonitoringConfigInput,
  MonitoringConfigSchema,
  RowFilterSchema,
  type TableSource,
  TableSourceSchema,
} from './run/monitoring-config.js';
export { MonitoringInputError } from './run/monitoring-input-error.js';
export { parseMonitoringConfig } from './run/parse-monitoring-config.js';
export { readParquetFrame } from './run/read-parquet-frame.js';
export { type MonitoringContext, type MonitoringResult, runMonitoring } from './run/run-monitoring.js';
export {
  findStoredProfile,
  profileFrame,
  type Reference,
  readStoredProfile,
  type StoredProfile,
  writeStoredProfile,
} from './run/stored-profile.js';
export { chi2Sf } from './special/chi2-sf.js';
export { erfc } from './special/erfc.js';
export { kolmognSf } from './special/kolmogn.js';
export { kolmogorov } from './special/kolmogorov.js';
export { logGamma } from './special/log-gamma.js';
export { normalSf } from './special/normal-sf.js';
export { regularizedGammaP } from './special/regularized-gamma-p.js';
export { regularizedGammaQ } from './special/regularized-gamma-q.js';
export { smirnov } from './special/smirnov.js';
export { type BinNumericOptions, binNumericSorted } from './stats/bin-numeric-sorted.js';
export {
  type Chi2ContingencyOptions,
  type Chi2ContingencyResult,
  chi2Contingency,
} from './stats/chi2-contingency.js';
export { type JensenShannonOptions, jensenShannonDistance } from './stats/jensen-shannon-distance.js';
export { type Ks2SampResult, ks2Samp } from './stats/ks-2samp.js';
export { type KsMethod, type KsPValue, type KsPValueOptions, ksPValue } from './stats/ks-p-value.js';
export { type KsStatistic, ksStatisticSorted } from './stats/ks-statistic-sorted.js';
export { meanAndStd } from './stats/mean-and-std.js';
export type { BinnedCounts, NumericBinning } from './stats/numeric-binning.js';
export { type PsiOptions, psi } from './stats/psi.js';
export { psiFromCounts } from './stats/psi-from-counts.js';
export { type SortedSample, sortWithoutNaN } from './stats/sort-without-nan.js';
export { wassersteinDistance } from './stats/wasserstein-distance.js';
export { wassersteinDistanceSorted } from './stats/wasserstein-distance-sorted.js';
export { WASSERSTEIN_MIN_NORM, wassersteinNormed } from './stats/wasserstein-normed.js';
export { type ProportionCounts, type ZTestResult, zTestProportions } from './stats/z-test-proportions.js';
