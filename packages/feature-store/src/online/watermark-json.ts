import type { OnlineWatermark } from './online-store.js';

/** Serialises a watermark as JSON (event time ISO-8601 UTC, snapshot id as a decimal string). */
export function serializeWatermark(watermark: OnlineWatermark): string {
  return JSON.stringify({
    eventTime: watermark.eventTime.toISOString(),
    snapshotId: watermark.snapshotId === null ? null : String(watermark.snapshotId),
  });
}

/** Parses what {@link serializeWatermark} wrote. */
export function parseWatermark(json: string): OnlineWatermark {
  const parsed = JSON.parse(json) as { eventTime: string; snapshotId: string | null };
  return {
    eventTime: new Date(parsed.eventTime),
    snapshotId: parsed.snapshotId === null ? null : BigInt(parsed.snapshotId),
  };
}
