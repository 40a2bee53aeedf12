import type { FeatureView } from '../features/feature-view.js';
import { parseTtl } from '../features/parse-ttl.js';

/**
 * Whether a value with this event time (epoch ms) is still served at `nowMs`: `eventTime > now − ttl`, the
 * same rule as the point-in-time join, so online and offline agree on what has expired.
 */
export function isServed(view: FeatureView, eventTimeMs: number, nowMs: number): boolean {
  return eventTimeMs > nowMs - parseTtl(view.ttl);
}
