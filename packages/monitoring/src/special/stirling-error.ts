import { logGamma } from './log-gamma.js';

const S0 = 1 / 12;
const S1 = 1 / 360;
const S2 = 1 / 1260;
const S3 = 1 / 1680;
const S4 = 1 / 1188;
const HALF_LOG_2PI = 0.9189385332046728;

/**
 * Stirling's error term δ(n) = ln Γ(n + 1) − (n + ½) ln n + n − ½ ln 2π (Loader 2000), accurate to a few
 * ulps for n > 15 where the asymptotic series is used; below that it is computed from `logGamma`.
 */
export function stirlingError(n: number): number {
  if (n > 15) {
    const nn = n * n;
    return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
  }
  return logGamma(n + 1) - (n + 0.5) * Math.log(n) + n - HALF_LOG_2PI;
}
