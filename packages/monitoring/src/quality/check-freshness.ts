import type { Freshness } from './data-quality.js';

const HOUR_MS = 3_600_000;

/**
 * How old the newest feature time is at the run date: stale when older than `maxAgeHours` or when the window
 * holds no time at all (NaN entries are skipped).
 */
export function checkFreshness(options: {
  /** Feature times, epoch ms (NaN = missing). */
  times: Float64Array;
  /** The run date, epoch ms. */
  runAt: number;
  /** Default 48. */
  maxAgeHours?: number;
}): Freshness {
  const maxAgeHours = options.maxAgeHours ?? 48;
  let latest = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < options.times.length; i++) {
    const t = options.times[i]!;
    if (t > latest) latest = t;
  }
  const runAt = new Date(options.runAt).toISOString();
  if (!Number.isFinite(latest)) return { latest: null, runAt, ageHours: null, maxAgeHours, stale: true };
  const ageHours = (options.runAt - latest) / HOUR_MS;
  return {
    latest: new Date(latest).toISOString(),
    runAt,
    ageHours,
    maxAgeHours,
    stale: ageHours > maxAgeHours,
  };
}
