/** Rounds to the nearest integer, ties to even (NumPy `np.round`, Python `round`). */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  // Math.round sends ties up; pull exact .5 ties back to the even neighbour.
  if (r - x === 0.5 && r % 2 !== 0) return r - 1;
  return r;
}
