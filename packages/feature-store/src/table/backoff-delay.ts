import type { RetryPolicy } from './table-env.js';

/** Exponential backoff with full jitter before retry number `attempt` (1 = the first retry), ms. */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}
