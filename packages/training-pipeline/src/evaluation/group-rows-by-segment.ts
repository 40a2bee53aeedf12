/** Row indices per distinct segment value, segments sorted (strings ascending, `null` last). */
export function groupRowsBySegment(
  segment: readonly (string | null)[],
): { key: string | null; rows: Uint32Array }[] {
  const groups = new Map<string | null, number[]>();
  for (let i = 0; i < segment.length; i++) {
    const key = segment[i] ?? null;
    let rows = groups.get(key);
    if (rows === undefined) {
      rows = [];
      groups.set(key, rows);
    }
    rows.push(i);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0))
    .map(([key, rows]) => ({ key, rows: Uint32Array.from(rows) }));
}
