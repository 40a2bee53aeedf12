import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { InvalidStatisticInputError } from '../errors.js';

/** A Float64Array stored in JSON: little-endian bytes, byte-plane shuffled, raw-deflated, base64. */
export interface EncodedFloat64 {
  encoding: 'f64le-shuffle-deflate-base64';
  length: number;
  data: string;
}

/**
 * Encodes a Float64Array compactly and losslessly. The byte shuffle groups byte i of every value together
 * (as Blosc does), so the sign/exponent planes of sorted or low-cardinality data deflate to almost nothing.
 */
export function encodeFloat64(values: Float64Array): EncodedFloat64 {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const n = values.length;
  const shuffled = new Uint8Array(bytes.length);
  for (let i = 0; i < n; i++) for (let b = 0; b < 8; b++) shuffled[b * n + i] = bytes[i * 8 + b]!;
  return {
    encoding: 'f64le-shuffle-deflate-base64',
    length: n,
    data: deflateRawSync(shuffled).toString('base64'),
  };
}

/**
 * Decodes {@link encodeFloat64}'s output bit-for-bit.
 * @throws InvalidStatisticInputError on an unknown encoding or a length mismatch.
 */
export function decodeFloat64(encoded: EncodedFloat64): Float64Array {
  if (encoded.encoding !== 'f64le-shuffle-deflate-base64') {
    throw new InvalidStatisticInputError(
      'encoding',
      `is ${String(encoded.encoding)}; expected f64le-shuffle-deflate-base64`,
    );
  }
  const shuffled = inflateRawSync(Buffer.from(encoded.data, 'base64'));
  const n = encoded.length;
  if (shuffled.length !== n * 8) {
    throw new InvalidStatisticInputError(
      'data',
      `holds ${shuffled.length} bytes, expected ${n * 8}; the profile is corrupt`,
    );
  }
  const out = new Float64Array(n);
  const bytes = new Uint8Array(out.buffer);
  for (let i = 0; i < n; i++) for (let b = 0; b < 8; b++) bytes[i * 8 + b] = shuffled[b * n + i]!;
  return out;
}
