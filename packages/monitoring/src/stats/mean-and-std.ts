/** Mean and population standard deviation of a sample. */
export interface MeanAndStd {
  mean: number;
  /** √(Σ(x − mean)² / n), NumPy `np.std` with ddof = 0. */
  std: number;
}

/**
 * Mean and population standard deviation by two compensated passes (NaN must already be removed).
 * Returns NaN for both on an empty sample.
 */
export function meanAndStd(values: Float64Array): MeanAndStd {
  const n = values.length;
  if (n === 0) return { mean: Number.NaN, std: Number.NaN };
  const mean = compensatedSum(values, 0, false) / n;
  const variance = compensatedSum(values, mean, true) / n;
  return { mean, std: Math.sqrt(variance) };
}

function compensatedSum(values: Float64Array, center: number, square: boolean): number {
  let sum = 0;
  let c = 0;
  for (let i = 0; i < values.length; i++) {
    const d = values[i]! - center;
    const x = square ? d * d : d;
    const t = sum + x;
    c += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
  }
  return sum + c;
}
