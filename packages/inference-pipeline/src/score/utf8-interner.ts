const decoder = new TextDecoder();
/** Distinct values kept per interner; past it, values are decoded without caching (high-cardinality columns). */
const CAPACITY = 4096;

/**
 * Turns UTF-8 byte ranges into JS strings, decoding each distinct value once: low-cardinality categorical
 * columns (countries, categories) then cost a hash and a byte compare per row, not a decode and an
 * allocation.
 */
export class Utf8Interner {
  private readonly slots = new Map<number, { bytes: Uint8Array; text: string }[]>();
  private size = 0;

  /** The string of `bytes[from, to)`. */
  intern(bytes: Uint8Array, from: number, to: number): string {
    let hash = (to - from) | 0;
    for (let i = from; i < to; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
    const bucket = this.slots.get(hash);
    if (bucket) for (const entry of bucket) if (sameBytes(entry.bytes, bytes, from, to)) return entry.text;
    const text = decoder.decode(bytes.subarray(from, to));
    if (this.size < CAPACITY) {
      const entry = { bytes: bytes.slice(from, to), text };
      if (bucket) bucket.push(entry);
      else this.slots.set(hash, [entry]);
      this.size++;
    }
    return text;
  }
}

function sameBytes(known: Uint8Array, bytes: Uint8Array, from: number, to: number): boolean {
  if (known.length !== to - from) return false;
  for (let i = 0; i < known.length; i++) if (known[i] !== bytes[from + i]) return false;
  return true;
}
