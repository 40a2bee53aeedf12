/** p · 2^e without the overflow or underflow of forming 2^e first (C `ldexp`). */
export function ldexp(p: number, e: number): number {
  let value = p;
  let rest = e;
  while (rest > 1000) {
    value *= 2 ** 1000;
    rest -= 1000;
  }
  while (rest < -1000) {
    value *= 2 ** -1000;
    rest += 1000;
  }
  return value * 2 ** rest;
}
