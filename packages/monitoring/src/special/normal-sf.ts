import { erfc } from './erfc.js';

/** Standard normal survival function Pr(Z > z) = ½ erfc(z / √2) (SciPy `norm.sf`), accurate in the far tail. */
export function normalSf(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}
