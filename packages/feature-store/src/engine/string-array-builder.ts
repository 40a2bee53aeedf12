import type { DuckDBVector } from '@duckdb/node-api';
import { validityBytes } from './column-builder.js';

/** Bits of the direct-mapped cache of decoded inline strings (4096 entries). */
const CACHE_BITS = 12;
const decoder = new TextDecoder();

/**
 * Accumulates DuckDB VARCHAR vectors into a JS string array (nulls as `null`) plus an Arrow-style validity
 * bitmap. DuckDB stores each string as a 16-byte slot: a uint32 length, then up to 12 bytes inline, or a
 * prefix and a pointer when longer. Short strings (categories, codes) repeat, so each distinct inline slot is
 * decoded once and then found again by its 16 bytes (equal slots hold equal strings); longer strings are
 * decoded through the vector. This avoids a UTF-8 decode per row, the main cost of reading string columns.
 */
export class StringArrayBuilder {
  length = 0;
  private values: (string | null)[] = [];
  private bits = new Uint8Array(8192);
  private nulls = 0;
  private readonly words = new Uint32Array(4 << CACHE_BITS);
  private readonly texts: (string | undefined)[] = new Array(1 << CACHE_BITS);

  /** Appends the first `rows` rows of a VARCHAR vector. */
  append(vector: DuckDBVector, rows: number): void {
    const need = Math.ceil((this.length + rows) / 8);
    if (need > this.bits.length) {
      const grown = new Uint8Array(Math.max(need, this.bits.length * 2));
      grown.set(this.bits);
      this.bits = grown;
    }
    const valid = validityBytes(vector);
    const view = (vector as unknown as { dataView?: DataView }).dataView;
    const slots =
      view && view.byteOffset % 4 === 0 ? new Uint32Array(view.buffer, view.byteOffset, rows * 4) : undefined;
    const { values, bits, words, texts } = this;
    for (let row = 0; row < rows; row++) {
      const at = this.length + row;
      if (valid !== null && (((valid[row >> 3] as number) >> (row & 7)) & 1) === 0) {
        values.push(null);
        this.nulls++;
        continue;
      }
      bits[at >> 3] = (bits[at >> 3] as number) | (1 << (at & 7));
      const w0 = slots ? (slots[row * 4] as number) : 13;
      if (w0 === 0) {
        values.push('');
        continue;
      }
      if (w0 > 12 || !slots) {
        values.push(vector.getItem(row) as string);
        continue;
      }
      const w1 = slots[row * 4 + 1] as number;
      const w2 = slots[row * 4 + 2] as number;
      const w3 = slots[row * 4 + 3] as number;
      const hash = Math.imul(w0 ^ w1, 0x9e3779b1) ^ Math.imul(w2, 0x85ebca6b) ^ Math.imul(w3, 0xc2b2ae35);
      const entry = hash >>> (32 - CACHE_BITS);
      const w = entry << 2;
      const cached = texts[entry];
      if (
        cached !== undefined &&
        words[w] === w0 &&
        words[w + 1] === w1 &&
        words[w + 2] === w2 &&
        words[w + 3] === w3
      ) {
        values.push(cached);
        continue;
      }
      const text = decoder.decode(new Uint8Array(slots.buffer, slots.byteOffset + row * 16 + 4, w0));
      words[w] = w0;
      words[w + 1] = w1;
      words[w + 2] = w2;
      words[w + 3] = w3;
      texts[entry] = text;
      values.push(text);
    }
    this.length += rows;
  }

  /** The strings appended so far, the validity bitmap (undefined when no null), and starts over empty. */
  finish(): { values: (string | null)[]; validity: Uint8Array | undefined } {
    const validity = this.nulls > 0 ? this.bits.slice(0, Math.ceil(this.length / 8)) : undefined;
    const values = this.values;
    this.values = [];
    this.bits.fill(0);
    this.nulls = 0;
    this.length = 0;
    return { values, validity };
  }
}
