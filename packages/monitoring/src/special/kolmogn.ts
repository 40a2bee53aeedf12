import { kolmognDurbinCdf } from './kolmogn-durbin.js';
import { kolmognPelzGoodCdf } from './kolmogn-pelz-good.js';
import { kolmognPomeranzCdf } from './kolmogn-pomeranz.js';
import { smirnov } from './smirnov.js';

const LOG_2PI = Math.log(2 * Math.PI);
const STIRLING = [
  -0.029550653594771242, 0.00641025641025641, -0.0019175269175269176, 0.0008417508417508417,
  -0.0005952380952380953, 0.0007936507936507937, -0.002777777777777778, 0.08333333333333333,
];

/**
 * Survival function Pr(Dₙ > x) of the two-sided one-sample Kolmogorov-Smirnov statistic for sample size n
 * (SciPy `stats.kstwo.sf`, i.e. `_ksstats.kolmogn(n, x, cdf=False)`), following Simard and L'Ecuyer (2011)
 * with SciPy's exact case split: Ruben-Gambino ends, 2·smirnov for x ≥ ½ and large nx², Durbin-MTW and
 * Pomeranz for n ≤ 140, Durbin-MTW or Pelz-Good above.
 */
export function kolmognSf(n: number, x: number): number {
  if (!Number.isInteger(n) || n <= 0 || Number.isNaN(x)) return Number.NaN;
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  const t = n * x;
  if (t <= 1) {
    if (t <= 0.5) return 1;
    let prob: number;
    if (n <= 140) {
      prob = 1;
      for (let i = 1; i <= n; i++) prob *= i * (1 / n) * (2 * t - 1);
    } else {
      prob = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
    }
    return clamp01(1 - prob);
  }
  if (t >= n - 1) return clamp01(2 * (1 - x) ** n);
  if (x >= 0.5) return clamp01(2 * smirnov(n, x));
  const nx2 = t * x;
  if (n <= 140) {
    if (nx2 <= 0.754693) return clamp01(1 - kolmognDurbinCdf(n, x));
    if (nx2 <= 4) return clamp01(1 - kolmognPomeranzCdf(n, x));
    return clamp01(2 * smirnov(n, x));
  }
  if (nx2 >= 370) return 0;
  if (nx2 >= 2.2) return clamp01(2 * smirnov(n, x));
  const cdf = n <= 100_000 && n * x ** 1.5 <= 1.4 ? kolmognDurbinCdf(n, x) : kolmognPelzGoodCdf(n, x);
  return clamp01(1 - cdf);
}

/** ln(n! / nⁿ) by Stirling's series (SciPy `_log_nfactorial_div_n_pow_n`). */
function logFactorialOverPower(n: number): number {
  const rn = 1 / n;
  const u = rn / n;
  let poly = 0;
  for (const c of STIRLING) poly = poly * u + c;
  return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
}

function clamp01(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}
