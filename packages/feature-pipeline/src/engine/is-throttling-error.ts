/** Error names AWS uses for "slow down": worth retrying after a backoff. */
const THROTTLING = new Set(['TooManyRequestsException', 'ThrottlingException', 'Throttling', 'SlowDown']);

/** Whether an AWS SDK error asks the caller to slow down and retry. */
export function isThrottlingError(error: unknown): boolean {
  const e = error as { name?: string; $retryable?: { throttling?: boolean } } | undefined;
  return (e?.name !== undefined && THROTTLING.has(e.name)) || e?.$retryable?.throttling === true;
}
