/**
 * Loader's saddle-point deviance bd0(x, m) = x ln(x / m) + m − x, computed without cancellation when x ≈ m
 * (Loader 2000, "Fast and accurate computation of binomial probabilities"). Returns a value ≥ 0.
 */
export function devianceTerm(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    let v = (x - m) / (x + m);
    const s = (x - m) * v;
    let ej = 2 * x * v;
    v *= v;
    let sum = s;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const next = sum + ej / (2 * j + 1);
      if (next === sum) return next;
      sum = next;
    }
    return sum;
  }
  return x * Math.log(x / m) + m - x;
}
