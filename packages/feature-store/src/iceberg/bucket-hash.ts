import { InvalidInputError } from '../errors.js';
import { encodeBound } from './bounds.js';
import type { PrimitiveType } from './types.js';
import type { IcebergValue } from './value.js';

/**
 * The non-negative 32-bit murmur3 (x86_32, seed 0) hash the Iceberg `bucket[N]` transform takes modulo N
 * (spec Appendix B): int/long/date/time/timestamp hash as 8-byte little-endian longs, strings as UTF-8,
 * uuid as its 16 big-endian bytes, decimal as its minimal two's-complement unscaled bytes.
 */
export function bucketHash(type: PrimitiveType, value: IcebergValue): number {
  let bytes: Uint8Array;
  switch (type) {
    case 'int':
    case 'long':
    case 'date':
    case 'time':
    case 'timestamp':
    case 'timestamptz':
      bytes = encodeBound('long', typeof value === 'number' ? BigInt(value) : value);
      break;
    case 'boolean':
    case 'float':
    case 'double':
      throw new InvalidInputError(`bucket does not apply to ${type}`);
    default:
      bytes = encodeBound(type, value);
  }
  return (murmur3(bytes) & 0x7fffffff) >>> 0;
}

function murmur3(data: Uint8Array): number {
  const c1 = 0xcc9e2d51;
  const c2 = 0x1b873593;
  let h = 0;
  const blocks = data.length >> 2;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let i = 0; i < blocks; i++) {
    let k = view.getUint32(i * 4, true);
    k = Math.imul(k, c1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, c2);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  const rem = data.length & 3;
  if (rem > 0) {
    const tail = blocks * 4;
    let k = 0;
    if (rem === 3) k ^= (data[tail + 2] as number) << 16;
    if (rem >= 2) k ^= (data[tail + 1] as number) << 8;
    k ^= data[tail] as number;
    k = Math.imul(k, c1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, c2);
    h ^= k;
  }
  h ^= data.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}
