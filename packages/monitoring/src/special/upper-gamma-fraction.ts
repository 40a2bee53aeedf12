const TINY = 1e-300;

/**
 * Continued fraction for Q(a, x) · Γ(a) / (x^a e^(−x)) by the modified Lentz method (Numerical Recipes
 * `gcf`), valid and fast for x ≥ a + 1.
 */
export function upperGammaFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  const maxIterations = 100_000 + 10 * Math.ceil(Math.sqrt(a));
  for (let i = 1; i <= maxIterations; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) return h;
  }
  return h;
}
