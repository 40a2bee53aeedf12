import * as arrow from 'apache-arrow';

const OFFSET = 0x811c9dc5;
const PRIME = 0x01000193;
const decoder = new TextDecoder();
const digits = new Uint8Array(24);

/**
 * {@link hashEntityKey} of every row of a batch's key columns at once, read from the Arrow buffers: integer
 * keys hash their decimal digits without making strings, UTF-8 keys hash their bytes (ASCII; other values are
 * decoded first), nulls hash as U+0000. Other column types fall back to `String(vector.get(row))`. Equal to
 * `hashEntityKey([k1, k2, ...])` of the row's values, bit for bit.
 * @param out Receives the hashes (length ≥ rows); a fresh array by default.
 */
export function hashKeyColumns(
  columns: readonly arrow.Vector[],
  rows: number,
  out: Uint32Array = new Uint32Array(rows),
): Uint32Array {
  const hashes = out.subarray(0, rows);
  hashes.fill(OFFSET);
  columns.forEach((vector, k) => {
    if (k > 0) for (let r = 0; r < rows; r++) hashes[r] = Math.imul(hashes[r]! ^ 0x1f, PRIME);
    foldColumn(vector, rows, hashes);
  });
  for (let r = 0; r < rows; r++) hashes[r] = hashes[r]! >>> 0;
  return hashes;
}

function foldColumn(vector: arrow.Vector, rows: number, hashes: Uint32Array): void {
  let start = 0;
  for (const data of vector.data) {
    const count = Math.min(data.length, rows - start);
    foldData(data, start, count, hashes);
    start += count;
  }
}

function foldData(data: arrow.Data, start: number, count: number, hashes: Uint32Array): void {
  const type = data.type as arrow.DataType;
  const valid = validity(data);
  if (arrow.DataType.isInt(type) && type.bitWidth === 64 && type.isSigned) {
    const words = new Int32Array(
      (data.values as BigInt64Array).buffer,
      (data.values as BigInt64Array).byteOffset,
      (data.values as BigInt64Array).length * 2,
    );
    // Arrow-js slices value buffers (and offsets) to the data's first row; validity bits keep `data.offset`.
    for (let i = 0; i < count; i++) {
      if (!valid(i)) {
        hashes[start + i] = foldNull(hashes[start + i]!);
        continue;
      }
      const value = words[2 * i + 1]! * 4294967296 + (words[2 * i]! >>> 0);
      hashes[start + i] = Number.isSafeInteger(value)
        ? foldInteger(hashes[start + i]!, value)
        : foldText(hashes[start + i]!, String((data.values as BigInt64Array)[i]));
    }
    return;
  }
  if (arrow.DataType.isInt(type) && type.bitWidth <= 32) {
    const values = data.values as Int32Array;
    for (let i = 0; i < count; i++)
      hashes[start + i] = valid(i)
        ? foldInteger(hashes[start + i]!, values[i]!)
        : foldNull(hashes[start + i]!);
    return;
  }
  if (arrow.DataType.isFloat(type) && type.precision !== arrow.Precision.HALF) {
    const values = data.values as Float64Array | Float32Array;
    for (let i = 0; i < count; i++) {
      const v = values[i]!;
      hashes[start + i] = !valid(i)
        ? foldNull(hashes[start + i]!)
        : Number.isSafeInteger(v)
          ? foldInteger(hashes[start + i]!, v)
          : foldText(hashes[start + i]!, String(v));
    }
    return;
  }
  if (arrow.DataType.isUtf8(type)) {
    const bytes = data.values as Uint8Array;
    const offsets = data.valueOffsets as Int32Array;
    for (let i = 0; i < count; i++) {
      hashes[start + i] = valid(i)
        ? foldUtf8(hashes[start + i]!, bytes, offsets[i]!, offsets[i + 1]!)
        : foldNull(hashes[start + i]!);
    }
    return;
  }
  const vector = arrow.makeVector(data);
  for (let i = 0; i < count; i++) {
    const value = vector.get(i);
    hashes[start + i] =
      value === null || value === undefined
        ? foldNull(hashes[start + i]!)
        : foldText(hashes[start + i]!, String(value));
  }
}

function validity(data: arrow.Data): (i: number) => boolean {
  const bitmap = data.nullBitmap;
  if (data.nullCount === 0 || !bitmap || bitmap.length === 0) return () => true;
  return (i) => {
    const bit = data.offset + i;
    return ((bitmap[bit >> 3]! >> (bit & 7)) & 1) === 1;
  };
}

function foldNull(hash: number): number {
  return Math.imul(hash, PRIME); // '\u0000': hash ^ 0 = hash
}

/** Folds the decimal digits of a safe integer, as `String(value)` writes them. */
function foldInteger(hash: number, value: number): number {
  let h = hash;
  let n = value;
  if (n < 0) {
    h = Math.imul(h ^ 0x2d, PRIME);
    n = -n;
  }
  let length = 0;
  do {
    const q = Math.floor(n / 10);
    digits[length++] = 0x30 + (n - q * 10);
    n = q;
  } while (n > 0);
  while (length > 0) h = Math.imul(h ^ digits[--length]!, PRIME);
  return h;
}

function foldText(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), PRIME);
  return h;
}

/** UTF-8 bytes fold as UTF-16 code units when every byte is ASCII (the same units); others decode first. */
function foldUtf8(hash: number, bytes: Uint8Array, from: number, to: number): number {
  let h = hash;
  for (let i = from; i < to; i++) {
    const byte = bytes[i]!;
    if (byte >= 0x80) return foldText(hash, decoder.decode(bytes.subarray(from, to)));
    h = Math.imul(h ^ byte, PRIME);
  }
  return h;
}
