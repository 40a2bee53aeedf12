import { InvalidInputError, UnsupportedTableError } from '../errors.js';
import { bucketHash } from './bucket-hash.js';
import type { PrimitiveType, Transform } from './types.js';
import type { IcebergValue } from './value.js';

const US_PER_DAY = 86_400_000_000n;
const US_PER_HOUR = 3_600_000_000n;

/** A source value a transform accepts: an {@link IcebergValue}, or a `Date` for date/timestamp columns. */
export type TransformInput = IcebergValue | Date;

/**
 * Applies a partition transform to one source value (spec: Partition Transforms). `year`/`month`/`day`/`hour`
 * count whole years/months/days/hours since 1970-01-01 (negative before); `identity`, `truncate` keep the
 * source type; `bucket[N]` is murmur3 mod N. Null stays null (`void` always gives null).
 * @throws InvalidInputError when the transform does not apply to the source type.
 */
export function applyTransform(
  transform: Transform,
  sourceType: PrimitiveType,
  value: TransformInput | null,
): IcebergValue | null {
  if (value === null || transform === 'void') return null;
  const v = value instanceof Date ? fromDate(sourceType, value) : value;
  switch (transform) {
    case 'identity':
      return v;
    case 'year':
    case 'month':
    case 'day':
    case 'hour':
      return applyTimeTransform(transform, sourceType, v);
  }
  const width = Number(/\[(\d+)\]/.exec(transform)?.[1]);
  if (transform.startsWith('bucket[')) return bucketHash(sourceType, v) % width;
  return truncate(sourceType, v, width);
}

/** The type of a transform's result: `int` for time transforms and buckets, the source type otherwise. */
export function transformResultType(transform: Transform, sourceType: PrimitiveType): PrimitiveType {
  if (transform === 'identity' || transform === 'void' || transform.startsWith('truncate['))
    return sourceType;
  return 'int';
}

/** True when the transform may be applied to a column of `sourceType` (spec: Partition Transforms table). */
export function canTransform(transform: Transform, sourceType: PrimitiveType): boolean {
  const timestampLike = sourceType === 'timestamp' || sourceType === 'timestamptz';
  switch (transform) {
    case 'identity':
    case 'void':
      return true;
    case 'year':
    case 'month':
    case 'day':
      return sourceType === 'date' || timestampLike;
    case 'hour':
      return timestampLike;
  }
  if (transform.startsWith('bucket[')) return !['boolean', 'float', 'double'].includes(sourceType);
  return ['int', 'long', 'string', 'binary'].includes(sourceType) || sourceType.startsWith('decimal(');
}

/** Days since epoch for a date column, µs since epoch for a timestamp column. */
function fromDate(sourceType: PrimitiveType, date: Date): IcebergValue {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new InvalidInputError('invalid Date');
  if (sourceType === 'date') return Math.floor(ms / 86_400_000);
  if (sourceType === 'timestamp' || sourceType === 'timestamptz') return BigInt(ms) * 1000n;
  throw new InvalidInputError(`a Date does not fit a column of type \`${sourceType}\``);
}

function applyTimeTransform(
  transform: 'year' | 'month' | 'day' | 'hour',
  type: PrimitiveType,
  v: IcebergValue,
) {
  if (type === 'date') {
    if (typeof v !== 'number') throw notApplicable(transform, type, v);
    if (transform === 'day') return v;
    if (transform === 'hour') throw notApplicable(transform, type, v);
    return yearsOrMonths(transform, v * 86_400_000);
  }
  if (type === 'timestamp' || type === 'timestamptz') {
    const us = typeof v === 'number' ? BigInt(v) : v;
    if (typeof us !== 'bigint') throw notApplicable(transform, type, v);
    if (transform === 'day') return Number(floorDiv(us, US_PER_DAY));
    if (transform === 'hour') return Number(floorDiv(us, US_PER_HOUR));
    return yearsOrMonths(transform, Number(floorDiv(us, 1000n)));
  }
  throw notApplicable(transform, type, v);
}

/** Iceberg month transform counts months since 1970-01: (year - 1970) * 12 + (month - 1). */
function yearsOrMonths(transform: 'year' | 'month', epochMs: number): number {
  const date = new Date(epochMs);
  const years = date.getUTCFullYear() - 1970;
  return transform === 'year' ? years : years * 12 + date.getUTCMonth();
}

function truncate(type: PrimitiveType, v: IcebergValue, width: number): IcebergValue {
  if (type === 'int' && typeof v === 'number') return v - (((v % width) + width) % width);
  if ((type === 'long' || type.startsWith('decimal(')) && typeof v === 'bigint') {
    const w = BigInt(width);
    return v - (((v % w) + w) % w);
  }
  if (type === 'string' && typeof v === 'string') return Array.from(v).slice(0, width).join('');
  if (type === 'binary' && v instanceof Uint8Array) return v.slice(0, width);
  throw notApplicable(`truncate[${width}]`, type, v);
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

function notApplicable(transform: string, type: string, v: IcebergValue): Error {
  if (['bucket', 'truncate'].some((t) => transform.startsWith(t))) {
    return new UnsupportedTableError(`transform ${transform} on ${type} value ${String(v)} is not supported`);
  }
  return new InvalidInputError(`transform \`${transform}\` does not apply to ${type} value ${String(v)}`);
}
