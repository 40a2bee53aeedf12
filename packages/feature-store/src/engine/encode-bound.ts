import type { PrimitiveType } from '../iceberg/types.js';

/** A typed stat value: number for int/date/float/double, bigint for long/time/timestamp(tz), string, boolean. */
export type StatValue = number | bigint | string | boolean;

/**
 * Encodes one value in Iceberg's single-value binary form (spec Appendix D), as stored in manifest
 * `lower_bounds`/`upper_bounds`: boolean 1 byte; int and date 4-byte little-endian; long, time, timestamp and
 * timestamptz 8-byte little-endian (µs); float 4 and double 8-byte IEEE little-endian; string UTF-8; uuid 16
 * bytes big-endian. Returns `undefined` for types it does not encode (decimal, binary, fixed), so callers
 * simply record no bound.
 */
export function encodeBound(type: PrimitiveType, value: StatValue): Uint8Array | undefined {
  switch (type) {
    case 'boolean':
      return Uint8Array.of(value === true ? 1 : 0);
    case 'int':
    case 'date': {
      const bytes = new Uint8Array(4);
      new DataView(bytes.buffer).setInt32(0, Number(value), true);
      return bytes;
    }
    case 'long':
    case 'time':
    case 'timestamp':
    case 'timestamptz': {
      const bytes = new Uint8Array(8);
      new DataView(bytes.buffer).setBigInt64(0, BigInt(value), true);
      return bytes;
    }
    case 'float': {
      const bytes = new Uint8Array(4);
      new DataView(bytes.buffer).setFloat32(0, Number(value), true);
      return bytes;
    }
    case 'double': {
      const bytes = new Uint8Array(8);
      new DataView(bytes.buffer).setFloat64(0, Number(value), true);
      return bytes;
    }
    case 'string':
      return new TextEncoder().encode(String(value));
    case 'uuid': {
      const hex = String(value).replaceAll('-', '');
      return /^[0-9a-fA-F]{32}$/.test(hex) ? Uint8Array.from(Buffer.from(hex, 'hex')) : undefined;
    }
    default:
      return undefined;
  }
}
