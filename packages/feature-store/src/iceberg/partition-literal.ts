import type { BoundOp } from './bind-filter.js';
import { applyTransform } from './transform.js';
import type { PrimitiveType, Transform } from './types.js';
import type { IcebergValue } from './value.js';

/** A predicate on a source column restated on a partition field, or undefined when it says nothing. */
export interface PartitionPredicate {
  op: BoundOp;
  values: IcebergValue[] | undefined;
}

/**
 * Restates `column <op> values` on a partition field derived from the column: identity keeps it; the
 * monotone transforms (year/month/day/hour/truncate) turn `<` into `<=` and `>` into `>=` on transformed
 * literals (`d >= 2011-09-10` ⇒ `month(d) >= 2011-09`); bucket keeps only `=`/`in`; null checks carry over.
 * Every row satisfying the original predicate satisfies the restated one.
 */
export function partitionPredicate(
  transform: Transform,
  sourceType: PrimitiveType,
  op: BoundOp,
  values: IcebergValue[] | undefined,
): PartitionPredicate | undefined {
  if (transform === 'void') return undefined;
  if (op === 'isNull' || op === 'notNull') return { op, values: [] };
  if (transform === 'identity') return { op, values };
  if (op === '!=' || op === 'notIn' || values === undefined) return undefined;
  const bucket = transform.startsWith('bucket[');
  if (bucket && op !== '=' && op !== 'in') return undefined;
  const transformed: IcebergValue[] = [];
  for (const value of values) {
    const integral = toIntegral(sourceType, value);
    const exact = typeof value !== 'number' || Number.isInteger(value);
    if (integral === undefined || (bucket && !exact)) return undefined;
    try {
      const result = applyTransform(transform, sourceType, integral);
      if (result === null) return undefined;
      transformed.push(result);
    } catch {
      return undefined;
    }
  }
  const weakened: BoundOp = op === '<' ? '<=' : op === '>' ? '>=' : op;
  return { op: weakened, values: transformed };
}

/**
 * The literal in the column's own integral domain, rounded down (a monotone transform of the floor is a safe
 * bound for both sides): days for dates, µs (bigint) for long-like types.
 */
function toIntegral(type: PrimitiveType, value: IcebergValue): IcebergValue | undefined {
  if (type === 'int' || type === 'date') {
    if (typeof value === 'bigint') return Number(value);
    return typeof value === 'number' && Number.isFinite(value) ? Math.floor(value) : undefined;
  }
  if (type === 'long' || type === 'time' || type === 'timestamp' || type === 'timestamptz') {
    if (typeof value === 'bigint') return value;
    return typeof value === 'number' && Number.isFinite(value) ? BigInt(Math.floor(value)) : undefined;
  }
  return value;
}
