import type { TableMetadata } from '../iceberg/types.js';
import type { LoadedTable } from './catalog.js';

/** Iceberg's table property capping `metadata-log`; its default is 100 entries. */
const MAX_PREVIOUS = 'write.metadata.previous-versions-max';

/**
 * Returns `metadata` with `base`'s metadata file appended to `metadata-log` (timestamped with the base's
 * `last-updated-ms`, as Iceberg does), unless the caller already appended it. Keeps the newest
 * `write.metadata.previous-versions-max` entries (default 100).
 */
export function appendMetadataLog(base: LoadedTable, metadata: TableMetadata): TableMetadata {
  const log = metadata.metadataLog;
  const entry = { metadataFile: base.metadataLocation, timestampMs: base.metadata.lastUpdatedMs };
  const grown = log.at(-1)?.metadataFile === base.metadataLocation ? log : [...log, entry];
  const max = Number.parseInt(metadata.properties[MAX_PREVIOUS] ?? '100', 10);
  const keep = Number.isSafeInteger(max) && max >= 1 ? max : 100;
  return { ...metadata, metadataLog: grown.length > keep ? grown.slice(grown.length - keep) : grown };
}
