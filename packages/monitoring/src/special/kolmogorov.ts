const KOLMOG_CUTOVER = 0.82;
// Below this x the first series term exp(−π²/(8x²)) underflows: exp(−746) == 0.
const KOLMOG_XMIN = Math.PI / Math.sqrt(746 * 8);

/**
 * Survival function of Kolmogorov's limiting distribution, Pr(√n Dₙ > x) as n → ∞ (SciPy
 * `special.kolmogorov`, van Mulbregt's two-series evaluation: the theta-function form below x = 0.82, the
 * alternating series 2 Σ (−1)^(k−1) e^(−2k²x²) above).
 */
export function kolmogorov(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= KOLMOG_XMIN) return 1;
  if (x <= KOLMOG_CUTOVER) {
    const w = Math.sqrt(2 * Math.PI) / x;
    const logu8 = (-Math.PI * Math.PI) / (x * x);
    const u = Math.exp(logu8 / 8);
    let cdf: number;
    if (u === 0) {
      cdf = Math.exp(logu8 / 8 + Math.log(w));
    } else {
      const u8 = Math.exp(logu8);
      let p = 1;
      p = 1 + u8 ** 3 * p;
      p = 1 + u8 * u8 * p;
      p = 1 + u8 * p;
      cdf = w * u * p;
    }
    return clamp01(1 - cdf);
  }
  const v = Math.exp(-2 * x * x);
  const v3 = v ** 3;
  let p = 1;
  p = 1 - v3 * v3 * v * p;
  p = 1 - v3 * v * v * p;
  p = 1 - v3 * p;
  return clamp01(2 * v * p);
}

function clamp01(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}
