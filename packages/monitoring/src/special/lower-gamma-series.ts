/**
 * Σₙ xⁿ / (a (a+1) … (a+n)), so that P(a, x) = x^a e^(−x) / Γ(a) · series (Numerical Recipes `gser`).
 * Converges quickly for x < a + 1; iterations grow like √a near x ≈ a.
 */
export function lowerGammaSeries(a: number, x: number): number {
  let ap = a;
  let term = 1 / a;
  let sum = term;
  const maxIterations = 100_000 + 10 * Math.ceil(Math.sqrt(a));
  for (let i = 0; i < maxIterations; i++) {
    ap += 1;
    term *= x / ap;
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * 1e-17) return sum;
  }
  return sum;
}
