import type { Delivery } from './monitoring-report.js';

/**
 * Pushes exposition text to a Prometheus Pushgateway with HTTP PUT to `<url>/metrics/job/<job>` (replacing
 * the group's metrics), with any grouping labels appended as `/<name>/<value>`. Never throws: a failure is
 * returned as a `failed` delivery for the report.
 */
export async function pushToPushgateway(options: {
  /** Base URL, e.g. `http://pushgateway:9091`. */
  url: string;
  job: string;
  text: string;
  /** Extra grouping labels; default none. */
  grouping?: Record<string, string>;
  /** Request timeout, ms; default 10 000. */
  timeoutMs?: number;
}): Promise<Delivery> {
  const path = [
    'metrics',
    'job',
    encodeURIComponent(options.job),
    ...Object.entries(options.grouping ?? {}).flatMap(([k, v]) => [
      encodeURIComponent(k),
      encodeURIComponent(v),
    ]),
  ].join('/');
  const target = `${options.url.replace(/\/+$/, '')}/${path}`;
  try {
    const response = await fetch(target, {
      method: 'PUT',
      headers: { 'content-type': 'text/plain; version=0.0.4' },
      body: options.text,
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    if (!response.ok) {
      const body = (await response.text()).slice(0, 200);
      return { target, status: 'failed', attempts: 1, detail: `HTTP ${response.status}: ${body}` };
    }
    return { target, status: 'sent', attempts: 1, detail: `HTTP ${response.status}` };
  } catch (error) {
    return { target, status: 'failed', attempts: 1, detail: describeError(error) };
  }
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
