import type { FittedScale } from '@fti/model-runtime';
import { medianSorted } from '../stats/median-sorted.js';
import { percentileSorted } from '../stats/percentile-sorted.js';
import { positiveZero } from './positive-zero.js';
import type { ScaleSpec } from './preprocessor-spec.js';

/**
 * Fits a scaler on finite values as scikit-learn 1.2 does: StandardScaler uses the population standard
 * deviation (ddof 0) with its corrected two-pass variance, and scale 1 for (near-)constant columns;
 * MinMaxScaler maps [min, max] to [0, 1] (range < 10·eps → 1); RobustScaler centres on the median and
 * divides by the 25–75 percentile range (NumPy linear percentiles; range < 10·eps → 1).
 */
export function fitScale(kind: ScaleSpec, values: Float64Array): FittedScale {
  const n = values.length;
  if (kind === 'standard') {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += values[i]!;
    const mean = sum / n;
    let correction = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const d = values[i]! - mean;
      correction += d;
      squares += d * d;
    }
    const variance = (squares - (correction * correction) / n) / n;
    const eps = Number.EPSILON;
    const constant = variance <= n * eps * variance + (n * mean * eps) ** 2;
    return { kind, center: positiveZero(mean), scale: constant ? 1 : Math.sqrt(variance) };
  }
  if (kind === 'minmax') {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      if (values[i]! < min) min = values[i]!;
      if (values[i]! > max) max = values[i]!;
    }
    const range = max - min;
    const scale = 1 / (range < 10 * Number.EPSILON ? 1 : range);
    return { kind, scale, min: positiveZero(0 - min * scale) };
  }
  const sorted = Float64Array.from(values).sort();
  const range = percentileSorted(sorted, 75) - percentileSorted(sorted, 25);
  return { kind, center: positiveZero(medianSorted(sorted)), scale: range < 10 * Number.EPSILON ? 1 : range };
}
