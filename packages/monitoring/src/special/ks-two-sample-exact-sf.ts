/**
 * Exact Pr(D_{m,n} ≥ h / lcm(m, n)) for the two-sided two-sample Kolmogorov-Smirnov statistic (SciPy
 * `_compute_prob_outside_square` for m = n, `_compute_outer_prob_inside_method` otherwise: Hodges' lattice
 * path counts with Viehmann's recursion for 1 − p, scaled so that every entry stays in [0, 1]).
 * `g` is gcd(m, n) and `h` the statistic times lcm(m, n), an integer in [1, lcm].
 */
export function ksTwoSampleExactSf(m: number, n: number, g: number, h: number): number {
  return m === n ? probOutsideSquare(m, h) : probOutsideInside(m, n, g, h);
}

function probOutsideSquare(n: number, h: number): number {
  // P = 2 A0 (1 − A1 (1 − A2 (1 − …))), each A a product of h ratios (Horner form avoids cancellation).
  let P = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let p1 = 1;
    for (let j = 0; j < h; j++) p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
    P = p1 * (1 - P);
  }
  return 2 * P;
}

function probOutsideInside(m0: number, n0: number, g: number, h: number): number {
  const m = Math.max(m0, n0);
  const n = Math.min(m0, n0);
  const mg = Math.floor(m / g);
  const ng = Math.floor(n / g);
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let curlen = maxj - minj;
  const lenA = Math.min(2 * maxj + 2, n + 1);
  const A = new Float64Array(lenA).fill(1);
  A.fill(0, minj, maxj);
  for (let i = 1; i <= m; i++) {
    const lastminj = minj;
    const lastlen = curlen;
    minj = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let val = minj === 0 ? 0 : 1;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      val = (A[jj + minj - lastminj]! * i + val * j) / (i + j);
      A[jj] = val;
    }
    curlen = maxj - minj;
    if (lastlen > curlen) A.fill(1, maxj - minj, maxj - minj + (lastlen - curlen));
  }
  return A[maxj - minj - 1]!;
}
