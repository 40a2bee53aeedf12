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
