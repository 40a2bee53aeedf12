/** Retry schedule of {@link sendWebhook}. */
export interface RetryOptions {
  /** Attempts in all, the first included; default 4. */
  attempts?: number;
  /** Wait before the second attempt, ms, doubled after each failure; default 500. */
  initialDelayMs?: number;
  /** Longest wait, ms; default 30 000. */
  maxDelayMs?: number;
}

/** What happened when sending. */
export interface WebhookResult {
  ok: boolean;
  attempts: number;
  /** Last HTTP status, or null when no response came. */
  status: number | null;
  /** The last error or response text, for the report. */
  detail: string;
}

/**
 * POSTs a JSON body to a webhook, retrying failures (network errors, HTTP 429 and 5xx) with exponential
 * backoff through the injected `sleep`; a 4xx other than 429 is not retried (the payload is wrong). Never
 * throws: the outcome is returned for the report.
 */
export async function sendWebhook(options: {
  url: string;
  body: unknown;
  retry?: RetryOptions;
  /** Waits between attempts; inject a recorder in tests. Default `setTimeout`. */
  sleep?: (ms: number) => Promise<void>;
  /** Per-request timeout, ms; default 10 000. */
  timeoutMs?: number;
}): Promise<WebhookResult> {
  const attempts = Math.max(1, options.retry?.attempts ?? 4);
  const maxDelay = options.retry?.maxDelayMs ?? 30_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
  let delay = options.retry?.initialDelayMs ?? 500;
  let last: WebhookResult = { ok: false, attempts: 0, status: null, detail: 'not sent' };
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (attempt > 1) {
      await sleep(Math.min(delay, maxDelay));
      delay *= 2;
    }
    try {
      const response = await fetch(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(options.body),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      const text = (await response.text()).slice(0, 200);
      last = {
        ok: response.ok,
        attempts: attempt,
        status: response.status,
        detail: `HTTP ${response.status} ${text}`.trim(),
      };
      if (response.ok) return last;
      if (response.status < 500 && response.status !== 429) return last;
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      last = {
        ok: false,
        attempts: attempt,
        status: null,
        detail: `${error instanceof Error ? error.message : String(error)}${cause}`,
      };
    }
  }
  return last;
}
