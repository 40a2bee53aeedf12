const SPLITTER = 134217729; // 2^27 + 1, Veltkamp split of a double into two 26-bit halves

/** The integer part and fraction of n·x computed from the exact product (Dekker's two-product). */
export interface FloorProduct {
  /** floor(n·x) of the exact real product. */
  floor: number;
  /** n·x − floor(n·x) of the exact product, rounded to double; in [0, 1). */
  fraction: number;
  /** n·x rounded to double. */
  product: number;
}

/** floor(n·x) and its remainder without the rounding error of the double product (SciPy `modNX`). */
export function floorProduct(n: number, x: number): FloorProduct {
  const p = n * x;
  const err = twoProductError(n, x, p);
  let floor = Math.floor(p);
  let fraction = p - floor + err;
  if (fraction < 0) {
    floor -= 1;
    fraction += 1;
  }
  if (fraction >= 1) {
    floor += 1;
    fraction -= 1;
  }
  return { floor, fraction, product: p };
}

function twoProductError(a: number, b: number, p: number): number {
  const ca = SPLITTER * a;
  const ah = ca - (ca - a);
  const al = a - ah;
  const cb = SPLITTER * b;
  const bh = cb - (cb - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}
