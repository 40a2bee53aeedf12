/** A positive snapshot id below 2^53, so every JSON reader round-trips it exactly. */
export function newSnapshotId(random: () => number): bigint {
  return BigInt(Math.floor(random() * 2 ** 52)) + 1n;
}

/** A version-4-shaped UUID drawn from `random` (not cryptographic: names files and tables). */
export function newUuid(random: () => number): string {
  const hex: string[] = [];
  for (let i = 0; i < 32; i++) hex.push(Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
