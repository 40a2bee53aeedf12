import * as arrow from 'apache-arrow';
import { Utf8Interner } from './utf8-interner.js';

/** Distinct values a column may have and still travel as codes. */
const MAX_CODES = 1024;

/**
 * Dictionary codes of a UTF-8 column, kept across batches: low-cardinality string columns (categories,
 * countries) go to DuckDB as Int32 codes, copied as one buffer, and are turned back into strings by a SQL
 * list lookup, instead of being decoded and re-encoded value by value. Returns `undefined` once the column
 * has more than 1,024 distinct values (it then travels as strings).
 */
export class Utf8Codes {
  /** The strings, by code. */
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();
  private readonly interner = new Utf8Interner();
  private overflowed = false;

  /** Int32 codes of `data` (nulls stay null, sharing its validity), or `undefined` past the limit. */
  encode(data: arrow.Data): arrow.Data<arrow.Int32> | undefined {
    if (this.overflowed || !arrow.DataType.isUtf8(data.type as arrow.DataType) || data.offset % 8 !== 0)
      return undefined;
    const bytes = data.values as Uint8Array;
    const offsets = data.valueOffsets as Int32Array;
    const out = new Int32Array(data.length);
    const bitmap = data.nullCount > 0 ? data.nullBitmap : undefined;
    for (let i = 0; i < data.length; i++) {
      const at = data.offset + i;
      if (bitmap && ((bitmap[at >> 3]! >> (at & 7)) & 1) === 0) continue;
      const text = this.interner.intern(bytes, offsets[i]!, offsets[i + 1]!);
      let code = this.codes.get(text);
      if (code === undefined) {
        if (this.values.length >= MAX_CODES) {
          this.overflowed = true;
          return undefined;
        }
        code = this.values.length;
        this.values.push(text);
        this.codes.set(text, code);
      }
      out[i] = code;
    }
    return arrow.makeData({
      type: new arrow.Int32(),
      length: data.length,
      nullCount: data.nullCount,
      data: out,
      ...(bitmap ? { nullBitmap: bitmap.subarray(data.offset >> 3) } : {}),
    });
  }
}
