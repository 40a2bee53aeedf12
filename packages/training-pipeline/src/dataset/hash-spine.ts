import { createHash } from 'node:crypto';

/** The spine's columns as the dataset holds them. */
export interface SpineRows {
  entities: readonly string[];
  /** Epoch milliseconds. */
  timestamps: Float64Array;
  labels: Uint8Array;
}

/**
 * sha256 (lower-case hex) of the spine, row by row in order: `<entity>\t<time ms>\t<label>\n`. The same rows
 * in the same order always give the same hash; any changed, added, removed or reordered row changes it.
 */
export function hashSpine(spine: SpineRows): string {
  const hash = createHash('sha256');
  const { entities, timestamps, labels } = spine;
  let chunk = '';
  for (let i = 0; i < entities.length; i++) {
    chunk += `${entities[i]}\t${timestamps[i]}\t${labels[i]}\n`;
    if (chunk.length > 65_536) {
      hash.update(chunk);
      chunk = '';
    }
  }
  hash.update(chunk);
  return hash.digest('hex');
}
