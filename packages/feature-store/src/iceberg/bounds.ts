import { InvalidInputError } from '../errors.js';
import type { PrimitiveType } from './types.js';
import type { IcebergValue } from './value.js';

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Encodes one value with Iceberg's single-value binary serialisation (spec Appendix D), as stored in manifest
 * `lower_bounds`/`upper_bounds` and partition summaries. Accepts `number` for long-like types and decimals.
 * @throws InvalidInputError when the value does not fit the type.
 */
export function encodeBound(type: PrimitiveType, value: IcebergValue): Uint8Array {
  switch (type) {
    case 'boolean':
      return Uint8Array.of(value === true ? 1 : 0);
    case 'int':
    case 'date': {
      const out = new Uint8Array(4);
      new DataView(out.buffer).setInt32(0, expectInteger(type, value), true);
      return out;
    }
    case 'long':
    case 'time':
    case 'timestamp':
    case 'timestamptz': {
      const out = new Uint8Array(8);
      new DataView(out.buffer).setBigInt64(0, expectBigint(type, value), true);
      return out;
    }
    case 'float': {
      const out = new Uint8Array(4);
      new DataView(out.buffer).setFloat32(0, expectNumber(type, value), true);
      return out;
    }
    case 'double': {
      const out = new Uint8Array(8);
      new DataView(out.buffer).setFloat64(0, expectNumber(type, value), true);
      return out;
    }
    case 'string':
      if (typeof value !== 'string') throw mismatch(type, value);
      return utf8Encoder.encode(value);
    case 'uuid':
      return encodeUuid(value);
    case 'binary':
      if (!(value instanceof Uint8Array)) throw mismatch(type, value);
      return value.slice();
  }
  const fixed = /^fixed\[(\d+)\]$/.exec(type);
  if (fixed) {
    if (!(value instanceof Uint8Array) || value.length !== Number(fixed[1])) throw mismatch(type, value);
    return value.slice();
  }
  const scale = decimalScale(type);
  return encodeTwosComplement(decimalUnscaled(type, value, scale));
}

/**
 * Decodes a single-value binary serialisation (spec Appendix D) into an {@link IcebergValue}.
 * @throws InvalidInputError when the byte length does not fit the type.
 */
export function decodeBound(type: PrimitiveType, bytes: Uint8Array): IcebergValue {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (type) {
    case 'boolean':
      expectLength(type, bytes, 1);
      return bytes[0] !== 0;
    case 'int':
    case 'date':
      expectLength(type, bytes, 4);
      return view.getInt32(0, true);
    case 'long':
    case 'time':
    case 'timestamp':
    case 'timestamptz':
      // Some writers store an int-promoted-to-long bound in 4 bytes.
      if (bytes.length === 4) return BigInt(view.getInt32(0, true));
      expectLength(type, bytes, 8);
      return view.getBigInt64(0, true);
    case 'float':
      expectLength(type, bytes, 4);
      return view.getFloat32(0, true);
    case 'double':
      if (bytes.length === 4) return view.getFloat32(0, true);
      expectLength(type, bytes, 8);
      return view.getFloat64(0, true);
    case 'string':
      try {
        return utf8Decoder.decode(bytes);
      } catch (cause) {
        throw new InvalidInputError('string bound is not valid UTF-8', undefined, { cause });
      }
    case 'uuid':
      expectLength(type, bytes, 16);
      return formatUuid(bytes);
    case 'binary':
      return bytes.slice();
  }
  if (type.startsWith('fixed[')) return bytes.slice();
  return decodeTwosComplement(bytes);
}

function encodeUuid(value: IcebergValue): Uint8Array {
  if (value instanceof Uint8Array && value.length === 16) return value.slice();
  if (
    typeof value !== 'string' ||
    !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
  ) {
    throw mismatch('uuid', value);
  }
  const hex = value.replace(/-/g, '');
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

function formatUuid(bytes: Uint8Array): string {
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Scale S of `decimal(P,S)`. */
export function decimalScale(type: string): number {
  const match = /^decimal\((\d+),\s*(\d+)\)$/.exec(type);
  if (!match) throw new InvalidInputError(`unknown type \`${type}\``);
  return Number(match[2]);
}

function decimalUnscaled(type: PrimitiveType, value: IcebergValue, scale: number): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isFinite(value)) {
    const [whole = '0', frac = ''] = value.toFixed(scale).split('.');
    return BigInt(whole + frac);
  }
  throw mismatch(type, value);
}

/** Minimal big-endian two's-complement bytes of `n` (decimal bounds). */
function encodeTwosComplement(n: bigint): Uint8Array {
  const bytes: number[] = [];
  let v = n;
  for (;;) {
    const byte = Number(BigInt.asUintN(8, v));
    bytes.unshift(byte);
    v >>= 8n;
    const signBit = (byte & 0x80) !== 0;
    if ((v === 0n && !signBit) || (v === -1n && signBit)) break;
  }
  return Uint8Array.from(bytes);
}

function decodeTwosComplement(bytes: Uint8Array): bigint {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return bytes.length > 0 ? BigInt.asIntN(bytes.length * 8, n) : 0n;
}

function expectInteger(type: string, value: IcebergValue): number {
  if (typeof value === 'bigint') return expectInteger(type, Number(value));
  if (typeof value !== 'number' || !Number.isInteger(value) || value < -(2 ** 31) || value >= 2 ** 31) {
    throw mismatch(type, value);
  }
  return value;
}

function expectBigint(type: string, value: IcebergValue): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  throw mismatch(type, value);
}

function expectNumber(type: string, value: IcebergValue): number {
  if (typeof value !== 'number') throw mismatch(type, value);
  return value;
}

function expectLength(type: string, bytes: Uint8Array, length: number): void {
  if (bytes.length !== length) {
    throw new InvalidInputError(`a ${type} bound must be ${length} bytes, found ${bytes.length}`);
  }
}

function mismatch(type: string, value: IcebergValue): InvalidInputError {
  const shown = value instanceof Uint8Array ? `${value.length} bytes` : `${typeof value} ${String(value)}`;
  return new InvalidInputError(`value ${shown} does not fit Iceberg type \`${type}\``);
}
