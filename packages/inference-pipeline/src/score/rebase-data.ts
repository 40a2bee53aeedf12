import * as arrow from 'apache-arrow';

/**
 * The same column as Data starting at row 0 of its buffers (`offset` 0), for code that indexes validity (and
 * boolean) bits from 0, such as the DuckDB loader. Arrow-js slices leave those bits at `offset`; value and
 * offset buffers are already sliced. Data at offset 0 is returned as is.
 */
export function rebaseData(data: arrow.Data): arrow.Data {
  if (data.offset === 0) return data;
  const type = data.type as arrow.DataType;
  const bitmap = data.nullCount > 0 ? copyBits(data.nullBitmap, data.offset, data.length) : undefined;
  return arrow.makeData({
    type,
    length: data.length,
    nullCount: data.nullCount,
    data: arrow.DataType.isBool(type) ? copyBits(data.values, data.offset, data.length) : data.values,
    ...(bitmap ? { nullBitmap: bitmap } : {}),
    ...(data.valueOffsets ? { valueOffsets: data.valueOffsets } : {}),
    ...(data.dictionary ? { dictionary: data.dictionary } : {}),
  } as never);
}

function copyBits(bits: Uint8Array, offset: number, length: number): Uint8Array {
  const out = new Uint8Array((length + 7) >> 3);
  for (let i = 0; i < length; i++) {
    const bit = offset + i;
    if ((bits[bit >> 3]! >> (bit & 7)) & 1) out[i >> 3] = out[i >> 3]! | (1 << (i & 7));
  }
  return out;
}
