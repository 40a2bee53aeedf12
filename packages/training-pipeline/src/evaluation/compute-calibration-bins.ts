import { InvalidInputError } from '../errors.js';
import { linspace } from '../stats/linspace.js';
import { percentileSorted } from '../stats/percentile-sorted.js';
import { checkBinaryInput } from './check-binary-input.js';

/** One non-empty reliability bin. */
export interface CalibrationBin {
  /** Lower and upper bin edge; a probability equal to an inner edge falls in the lower bin. */
  lower: number;
  upper: number;
  /** Rows in the bin. */
  count: number;
  /** Mean predicted probability (scikit-learn's `prob_pred`). */
  meanPredicted: number;
  /** Fraction of positives (scikit-learn's `prob_true`). */
  fractionPositive: number;
}

/** Options of {@link computeCalibrationBins}. */
export interface ComputeCalibrationBinsOptions {
  /** True labels, 0 or 1. */
  yTrue: Uint8Array;
  /** Predicted probability of the positive class, in [0, 1]. */
  yProb: Float64Array;
  /** Number of bins; default 10. */
  bins?: number;
  /** `uniform`: equal-width bins on [0, 1]; `quantile`: edges at percentiles of `yProb`. Default `uniform`. */
  strategy?: 'uniform' | 'quantile';
}

/**
 * Reliability diagram bins, as scikit-learn 1.2 `calibration_curve` (same edges, same `searchsorted`
 * assignment, empty bins omitted). Unweighted, as scikit-learn's.
 */
export function computeCalibrationBins(options: ComputeCalibrationBinsOptions): CalibrationBin[] {
  const { yTrue, yProb } = options;
  checkBinaryInput({ yTrue, yScore: yProb }, { probabilities: true });
  const bins = options.bins ?? 10;
  if (!Number.isInteger(bins) || bins < 1)
    throw new InvalidInputError('bins', `is ${bins}; use a positive integer number of bins`);
  const edges = options.strategy === 'quantile' ? quantileEdges(yProb, bins) : linspace(0, 1, bins + 1);
  const sums = new Float64Array(bins);
  const positives = new Float64Array(bins);
  const counts = new Float64Array(bins);
  for (let i = 0; i < yProb.length; i++) {
    const p = yProb[i]!;
    // np.searchsorted(edges[1:-1], p, side='left'): the number of inner edges strictly below p.
    let lo = 1;
    let hi = bins;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (edges[mid]! < p) lo = mid + 1;
      else hi = mid;
    }
    const bin = lo - 1;
    sums[bin] = sums[bin]! + p;
    positives[bin] = positives[bin]! + yTrue[i]!;
    counts[bin] = counts[bin]! + 1;
  }
  const out: CalibrationBin[] = [];
  for (let b = 0; b < bins; b++) {
    const count = counts[b]!;
    if (count === 0) continue;
    out.push({
      lower: edges[b]!,
      upper: edges[b + 1]!,
      count,
      meanPredicted: sums[b]! / count,
      fractionPositive: positives[b]! / count,
    });
  }
  return out;
}

/** `np.percentile(yProb, np.linspace(0, 1, bins + 1) * 100)` with NumPy's arithmetic. */
function quantileEdges(yProb: Float64Array, bins: number): Float64Array {
  const sorted = Float64Array.from(yProb).sort();
  const quantiles = linspace(0, 1, bins + 1);
  return quantiles.map((q) => percentileSorted(sorted, q * 100));
}
