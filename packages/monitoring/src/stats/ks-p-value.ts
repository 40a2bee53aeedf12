import { kolmognSf } from '../special/kolmogn.js';
import { ksTwoSampleExactSf } from '../special/ks-two-sample-exact-sf.js';
import { roundHalfEven } from '../special/round-half-even.js';

/** How a KS p-value was obtained. */
export type KsMethod = 'exact' | 'asymp';

/** A two-sided two-sample KS p-value. */
export interface KsPValue {
  /** The statistic as SciPy reports it: snapped to h / lcm(n1, n2) when the exact path ran. */
  statistic: number;
  pValue: number;
  method: KsMethod;
}

/** Options of {@link ksPValue}. */
export interface KsPValueOptions {
  /** `auto` (default) is exact when max(n1, n2) ≤ 10 000, else asymptotic (SciPy `method`). */
  method?: 'auto' | KsMethod;
}

const MAX_AUTO_N = 10_000;
const INT32_MAX = 2147483647;

/**
 * Two-sided p-value of a two-sample KS statistic `d` for sample sizes n1, n2, reproducing SciPy 1.10
 * `ks_2samp(alternative='two-sided')`: the exact lattice-path probability (falling back to asymptotic when it
 * is out of [0, 1]), or `kstwo.sf(d, round(n1·n2 / (n1 + n2)))` for large samples.
 */
export function ksPValue(d: number, n1: number, n2: number, options: KsPValueOptions = {}): KsPValue {
  let method = options.method ?? 'auto';
  const g = gcd(n1, n2);
  const n1g = n1 / g;
  const n2g = n2 / g;
  if (method === 'auto') method = Math.max(n1, n2) <= MAX_AUTO_N ? 'exact' : 'asymp';
  else if (method === 'exact' && n1g >= INT32_MAX / n2g) method = 'asymp';
  let statistic = d;
  if (method === 'exact') {
    const lcm = n1g * n2;
    const h = roundHalfEven(d * lcm);
    statistic = h / lcm;
    if (h === 0) return { statistic, pValue: 1, method };
    const p = ksTwoSampleExactSf(n1, n2, g, h);
    if (p >= 0 && p <= 1) return { statistic, pValue: p, method };
    method = 'asymp';
  }
  const big = Math.max(n1, n2);
  const small = Math.min(n1, n2);
  const en = roundHalfEven((big * small) / (big + small));
  return { statistic, pValue: clamp01(kstwoSf(statistic, en)), method };
}

/** `scipy.stats.kstwo.sf`: support (½n, 1) handled as rv_continuous does, kolmogn inside. */
function kstwoSf(x: number, n: number): number {
  if (!(n >= 1)) return Number.NaN;
  if (x <= 0.5 / n) return 1;
  if (x >= 1) return 0;
  return kolmognSf(n, x);
}

function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y) [x, y] = [y, x % y];
  return x;
}

function clamp01(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}
