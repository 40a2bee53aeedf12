import { ObjectNotFoundError, type ObjectStore } from '@fti/feature-store';

/** Last delivery per incident, persisted as one small JSON object. */
export interface AlertState {
  incidents: Record<string, { lastSentAt: string; severity: string }>;
}

/** Default key of the alert state in the object store. */
export const ALERT_STATE_KEY = 'monitoring/alerts/state.json';

/** Reads the alert state, or an empty one when none was written yet. */
export async function readAlertState(store: ObjectStore, key = ALERT_STATE_KEY): Promise<AlertState> {
  try {
    const parsed = JSON.parse(new TextDecoder().decode(await store.get(key))) as Partial<AlertState>;
    return { incidents: parsed.incidents ?? {} };
  } catch (error) {
    if (error instanceof ObjectNotFoundError) return { incidents: {} };
    throw error;
  }
}

/** Writes the alert state (replacing it). */
export async function writeAlertState(
  store: ObjectStore,
  state: AlertState,
  key = ALERT_STATE_KEY,
): Promise<void> {
  await store.put(key, new TextEncoder().encode(`${JSON.stringify(state, null, 2)}\n`));
}

/**
 * Whether an incident is still cooling down: it was alerted less than `cooldownMs` before `now` at the same
 * or a higher severity (an escalation, e.g. warning → critical, is sent at once).
 */
export function isCoolingDown(options: {
  state: AlertState;
  incident: string;
  severity: string;
  now: number;
  cooldownMs: number;
  order: readonly string[];
}): boolean {
  const last = options.state.incidents[options.incident];
  if (!last) return false;
  const escalated = options.order.indexOf(options.severity) > options.order.indexOf(last.severity);
  return !escalated && options.now - Date.parse(last.lastSentAt) < options.cooldownMs;
}
