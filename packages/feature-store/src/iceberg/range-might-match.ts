import type { BoundOp } from './bind-filter.js';
import { compareValues } from './compare-values.js';
import type { IcebergValue } from './value.js';

/** What is known about a column (or partition field) over some rows. */
export interface RangeStats {
  /** Lowest non-null, non-NaN value (a lower bound of it is enough). */
  lower?: IcebergValue;
  /** Highest non-null, non-NaN value (an upper bound of it is enough). */
  upper?: IcebergValue;
  /** True only when it is known that no value is null. */
  noNulls: boolean;
  /** True only when it is known that every value is null. */
  allNull: boolean;
  /** True unless it is known that no value is NaN (NaN sorts above every number in DuckDB). */
  nanPossible: boolean;
}

/**
 * Whether some row described by `stats` might satisfy `column <op> values` under SQL semantics. Never false
 * for rows that could match: unknown stats mean "might".
 */
export function rangeMightMatch(op: BoundOp, values: IcebergValue[] | undefined, stats: RangeStats): boolean {
  if (op === 'isNull') return !stats.noNulls;
  if (op === 'notNull') return !stats.allNull;
  if (stats.allNull) return false;
  if (values === undefined || op === '!=' || op === 'notIn') return true;
  if (values.some((v) => typeof v === 'number' && Number.isNaN(v))) return true;
  const { lower, upper } = stats;
  const first = values[0];
  if (first === undefined) return op !== 'in';
  switch (op) {
    case '<':
      return lower === undefined || compare(lower, first) < 0;
    case '<=':
      return lower === undefined || compare(lower, first) <= 0;
    case '>':
      return stats.nanPossible || upper === undefined || compare(upper, first) > 0;
    case '>=':
      return stats.nanPossible || upper === undefined || compare(upper, first) >= 0;
    case '=':
    case 'in':
      return values.some(
        (v) =>
          (lower === undefined || compare(lower, v) <= 0) && (upper === undefined || compare(upper, v) >= 0),
      );
  }
}

/** Ordering for pruning: like compareValues, but -0 equals +0 as in SQL; incomparable types compare as "equal". */
function compare(a: IcebergValue, b: IcebergValue): number {
  if (typeof a === 'number' && typeof b === 'number' && a === b) return 0;
  try {
    return compareValues(a, b);
  } catch {
    return 0;
  }
}
