import { devianceTerm } from './deviance-term.js';
import { floorProduct } from './floor-product.js';
import { stirlingError } from './stirling-error.js';

const MIN_LOG = -708.3964185322641; // cephes MINLOG = ln(DBL_MIN)
const SMIRNOV_MAX_COMPUTE_N = 1_000_000;
const LOG_2PI = Math.log(2 * Math.PI);
// Exact saddle-point evaluation every this many terms bounds the drift of the term-ratio recurrence.
const REANCHOR_EVERY = 256;

/**
 * Survival function of the one-sided Kolmogorov-Smirnov statistic, Pr(Dₙ⁺ ≥ x) (SciPy `special.smirnov`).
 *
 * Same case split as SciPy's `_smirnov` (x ≤ 1/n, underflow, x ≥ 1 − 1/n, and the e^(−(6nx+1)²/18n)
 * approximation above n = 10⁶); the Birnbaum-Tingey sum x Σ C(n,v) (x+v/n)^(v−1) (1−x−v/n)^(n−v) has positive
 * terms, evaluated as binomial probabilities with Loader's saddle-point method from the exact integer and
 * fractional parts of n·x every 256 terms and by the exact term ratio in between, which keeps about 1e-13
 * relative accuracy without double-double arithmetic.
 */
export function smirnov(n: number, x: number): number {
  if (!(n > 0 && x >= 0 && x <= 1) || !Number.isInteger(n)) return Number.NaN;
  if (n === 1) return 1 - x;
  if (x === 0) return 1;
  if (x === 1) return 0;
  const { floor: nxFloor, fraction: alpha } = floorProduct(n, x);
  if (nxFloor === 0 || (nxFloor === 1 && alpha === 0)) {
    // cdf = x (1 + x)^(n−1)
    return 1 - x * Math.exp((n - 1) * Math.log1p(x));
  }
  if (-2 * n * x * x < MIN_LOG) return 0;
  if (nxFloor >= n - 1) return Math.exp(n * Math.log1p(-x));
  if (n > SMIRNOV_MAX_COMPUTE_N) {
    const logp = -((6 * n * x + 1) ** 2) / 18 / n;
    return logp < -Math.LN2 ? Math.exp(logp) : 1 + Math.expm1(logp);
  }
  // Terms v = 0 … last, where 1 − x − v/n > 0 strictly.
  const last = n - nxFloor - 1;
  const logN = Math.log(n);
  // v = 0: (1 − x)^n / x
  let sum = Math.exp(n * Math.log1p(-x)) / x;
  let term = 0;
  for (let v = 1; v <= last; v++) {
    const up = nxFloor + v + alpha; // n (x + v/n)
    const down = n - nxFloor - v - alpha; // n (1 − x − v/n)
    if (term < 1e-290 || v % REANCHOR_EVERY === 0) {
      term = Math.exp(logBinomialTerm(n, v, up, down) - (Math.log(up) - logN));
    } else {
      // A_v / A_(v−1) from the previous point's n·t and n·(1−t); each log1p argument is ≤ 1/up or 1/down, so
      // the exponent is O(1) with ulp-level error and a step costs a fraction of a saddle-point evaluation.
      const upPrev = up - 1;
      const downPrev = down + 1;
      const ratio =
        ((n - v + 1) / v) *
        (upPrev / downPrev) *
        Math.exp((v - 1) * Math.log1p(1 / upPrev) + (n - v) * Math.log1p(-1 / downPrev));
      term *= ratio;
    }
    sum += term;
    // SciPy's early exit: the remaining terms cannot change the sum in double precision.
    if (term > 0 && 4 * (last + 1 - v) * term < Number.EPSILON * sum && v !== last) break;
    if (term === 0 && v > n / 2) break;
  }
  const sf = x * sum;
  return sf < 0 ? 0 : sf > 1 ? 1 : sf;
}

/** ln[C(n,v) pᵛ qⁿ⁻ᵛ] with n·p = up, n·q = down (Loader's `dbinom_raw`), for 0 < v < n. */
function logBinomialTerm(n: number, v: number, up: number, down: number): number {
  const lc =
    stirlingError(n) -
    stirlingError(v) -
    stirlingError(n - v) -
    devianceTerm(v, up) -
    devianceTerm(n - v, down);
  const lf = LOG_2PI + Math.log(v) + Math.log1p(-v / n);
  return lc - 0.5 * lf;
}
