/**
 * FNV-1a (32 bit) of an entity key's values, stringified and joined with U+001F, over UTF-16 code units.
 * Computed in JS rather than by the engine so the split is identical on every machine and DuckDB version.
 * @returns An integer in `[0, 2^32)`.
 */
export function hashEntityKey(values: readonly unknown[]): number {
  let hash = 0x811c9dc5;
  for (let v = 0; v < values.length; v++) {
    if (v > 0) hash = Math.imul(hash ^ 0x1f, 0x01000193);
    const value = values[v];
    const text = value === null || value === undefined ? '\u0000' : String(value);
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  }
  return hash >>> 0;
}
