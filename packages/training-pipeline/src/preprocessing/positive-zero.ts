/** Maps −0 to +0: JSON writes −0 as `0`, so fitted parameters must not hold −0 to round-trip exactly. */
export function positiveZero(x: number): number {
  return x === 0 ? 0 : x;
}
