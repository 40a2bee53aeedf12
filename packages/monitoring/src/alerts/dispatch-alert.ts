import type { ObjectStore } from '@fti/feature-store';
import type { Delivery } from '../report/monitoring-report.js';
import { type Alert, SEVERITY_ORDER } from './alert.js';
import { ALERT_STATE_KEY, isCoolingDown, readAlertState, writeAlertState } from './alert-cooldown.js';
import { buildSlackPayload } from './build-slack-payload.js';
import { type RetryOptions, sendWebhook } from './send-webhook.js';

/** Options of {@link dispatchAlert}. */
export interface DispatchAlertOptions {
  alert: Alert;
  /** Slack-compatible incoming webhook URL. */
  url: string;
  /** Where the cooldown state lives. */
  store: ObjectStore;
  /** Epoch ms clock. */
  now: () => number;
  /** One incident is one alert within this window, ms; default 6 h. */
  cooldownMs?: number;
  /** Key of the state object; default `monitoring/alerts/state.json`. */
  stateKey?: string;
  retry?: RetryOptions;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Sends an alert unless the same incident was sent within the cooldown (escalations go through), records the
 * delivery in the state only when it succeeded (so a failed one is retried next run), and never throws: the
 * result is a {@link Delivery} for the report.
 */
export async function dispatchAlert(options: DispatchAlertOptions): Promise<Delivery> {
  const { alert, store } = options;
  const key = options.stateKey ?? ALERT_STATE_KEY;
  const now = options.now();
  const target = `webhook ${redact(options.url)}`;
  let state: Awaited<ReturnType<typeof readAlertState>>;
  try {
    state = await readAlertState(store, key);
  } catch {
    // A corrupt state object must not stop alerting: start afresh (it is rewritten after the next send).
    state = { incidents: {} };
  }
  const cooldownMs = options.cooldownMs ?? 6 * 3_600_000;
  if (
    isCoolingDown({
      state,
      incident: alert.incident,
      severity: alert.severity,
      now,
      cooldownMs,
      order: SEVERITY_ORDER,
    })
  ) {
    const last = state.incidents[alert.incident]!;
    return {
      target,
      status: 'suppressed',
      attempts: 0,
      detail: `incident ${alert.incident} already alerted at ${last.lastSentAt} (cooldown ${cooldownMs / 3_600_000} h)`,
    };
  }
  const result = await sendWebhook({
    url: options.url,
    body: buildSlackPayload(alert),
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });
  if (!result.ok) {
    return {
      target,
      status: 'failed',
      attempts: result.attempts,
      detail: `gave up after ${result.attempts} attempts: ${result.detail}`,
    };
  }
  state.incidents[alert.incident] = { lastSentAt: new Date(now).toISOString(), severity: alert.severity };
  try {
    await writeAlertState(store, state, key);
  } catch (error) {
    return {
      target,
      status: 'sent',
      attempts: result.attempts,
      detail: `sent, but the cooldown state was not saved: ${String(error)}`,
    };
  }
  return { target, status: 'sent', attempts: result.attempts, detail: result.detail };
}

/** Hides the secret path of a webhook URL in reports (Slack URLs carry their token in the path). */
function redact(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}/…`;
  } catch {
    return '(invalid URL)';
  }
}
