import type { FittedNumericFeature } from '@fti/model-runtime';
import { prepareNumericColumn } from '@fti/model-runtime';
import { ColumnValueError } from '../errors.js';
import { medianSorted } from '../stats/median-sorted.js';
import { fitScale } from './fit-scale.js';
import { positiveZero } from './positive-zero.js';
import type { ImputeSpec, NumericFeatureSpec } from './preprocessor-spec.js';

/** Fits imputation (on raw non-NaN values), then the scaler on the imputed, log1p-transformed column. */
export function fitNumericFeature(spec: NumericFeatureSpec, raw: Float64Array): FittedNumericFeature {
  const impute =
    spec.impute === undefined
      ? null
      : {
          value: positiveZero(fitImputeValue(spec, spec.impute, raw)),
          indicator: spec.impute.indicator ?? false,
        };
  const fitted: FittedNumericFeature = {
    kind: 'numeric',
    column: spec.column,
    impute,
    log1p: spec.log1p ?? false,
    scale: null,
  };
  if (spec.scale !== undefined) fitted.scale = fitScale(spec.scale, prepareNumericColumn(fitted, raw).values);
  else prepareNumericColumn(fitted, raw);
  return fitted;
}

/** The fill value: the mean or median of non-NaN values (scikit-learn `SimpleImputer`), or the constant. */
function fitImputeValue(spec: NumericFeatureSpec, impute: ImputeSpec, raw: Float64Array): number {
  if (impute.strategy === 'constant') {
    if (!Number.isFinite(impute.value))
      throw new ColumnValueError(spec.column, `impute value ${impute.value} must be a finite number`);
    return impute.value;
  }
  const present = raw.filter((x) => !Number.isNaN(x));
  if (present.length === 0)
    throw new ColumnValueError(
      spec.column,
      `has no non-NaN training values to fit a ${impute.strategy} from`,
    );
  for (let i = 0; i < present.length; i++)
    if (!Number.isFinite(present[i]!))
      throw new ColumnValueError(spec.column, `holds ${present[i]}; infinite values are not allowed`);
  if (impute.strategy === 'median') return medianSorted(present.sort());
  let sum = 0;
  for (let i = 0; i < present.length; i++) sum += present[i]!;
  return sum / present.length;
}
