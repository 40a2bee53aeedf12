import { InvalidStatisticInputError } from '../errors.js';

/** Options of {@link jensenShannonDistance}. */
export interface JensenShannonOptions {
  /** Logarithm base: `e` (SciPy's default, distance in [0, √ln 2]) or 2 (Evidently's, in [0, 1]). Default e. */
  base?: 'e' | 2;
}

/**
 * Jensen-Shannon distance √(JS divergence) between two discrete distributions given as non-negative weights
 * (counts or probabilities, each normalised to sum 1), matching SciPy `spatial.distance.jensenshannon(p, q,
 * base)`. A divergence that rounds below zero is clamped to 0 (SciPy would return NaN there).
 * @throws InvalidStatisticInputError when lengths differ, a weight is negative, or a side sums to 0.
 */
export function jensenShannonDistance(
  p: Float64Array,
  q: Float64Array,
  options: JensenShannonOptions = {},
): number {
  if (p.length !== q.length)
    throw new InvalidStatisticInputError('q', `has length ${q.length}, p has ${p.length}`);
  const sp = total(p, 'p');
  const sq = total(q, 'q');
  let left = 0;
  let right = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i]! / sp;
    const qi = q[i]! / sq;
    const m = (pi + qi) / 2;
    left += relativeEntropy(pi, m);
    right += relativeEntropy(qi, m);
  }
  let js = left + right;
  if (options.base === 2) js /= Math.LN2;
  return Math.sqrt(Math.max(js / 2, 0));
}

/** SciPy `special.rel_entr(x, y)` for x, y ≥ 0 with y = 0 only when x = 0. */
function relativeEntropy(x: number, y: number): number {
  if (x > 0 && y > 0) return x * Math.log(x / y);
  return 0;
}

function total(weights: Float64Array, name: string): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    if (!(w >= 0)) throw new InvalidStatisticInputError(name, `has a negative or NaN weight at index ${i}`);
    sum += w;
  }
  if (sum === 0) throw new InvalidStatisticInputError(name, 'sums to 0; give at least one positive weight');
  return sum;
}
