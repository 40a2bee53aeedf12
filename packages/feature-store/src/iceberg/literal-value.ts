import type { Literal } from './filter.js';
import type { PrimitiveType } from './types.js';
import type { IcebergValue } from './value.js';

const MS_PER_DAY = 86_400_000;

/**
 * Converts a filter literal to the domain of a column's values (see {@link IcebergValue}) for pruning, or
 * undefined when it cannot be compared exactly (then nothing is pruned on it). Dates compare as fractional
 * days (a `Date` with a time of day lies between two dates), timestamps as µs; strings are accepted for
 * dates and timestamps only as ISO dates or ISO times with a zone.
 */
export function literalValue(type: PrimitiveType, literal: Literal): IcebergValue | undefined {
  switch (type) {
    case 'boolean':
      return typeof literal === 'boolean' ? literal : undefined;
    case 'int':
    case 'long':
    case 'double':
      return typeof literal === 'number' || typeof literal === 'bigint' ? literal : undefined;
    case 'float':
      // The engine may compare in float32; only literals exact in float32 are safe to prune on.
      return typeof literal === 'number' && Math.fround(literal) === literal ? literal : undefined;
    case 'date': {
      if (typeof literal === 'number') return literal;
      const ms = instantMs(literal);
      return ms === undefined ? undefined : ms / MS_PER_DAY;
    }
    case 'timestamp':
    case 'timestamptz': {
      if (typeof literal === 'bigint') return literal;
      const ms = instantMs(literal);
      return ms === undefined ? undefined : BigInt(ms) * 1000n;
    }
    case 'string':
      return typeof literal === 'string' ? literal : undefined;
    case 'uuid':
      return typeof literal === 'string' ? literal.toLowerCase() : undefined;
  }
  const decimal = /^decimal\((\d+),\s*(\d+)\)$/.exec(type);
  if (decimal) return decimalLiteral(Number(decimal[2]), literal);
  return undefined;
}

function instantMs(literal: Literal): number | undefined {
  if (literal instanceof Date) return Number.isNaN(literal.getTime()) ? undefined : literal.getTime();
  if (typeof literal !== 'string') return undefined;
  const text = literal.trim();
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const zoned = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(text);
  if (!dateOnly && !zoned) return undefined;
  const ms = Date.parse(dateOnly ? `${text}T00:00:00Z` : text.replace(' ', 'T'));
  return Number.isNaN(ms) ? undefined : ms;
}

/** The unscaled value of a decimal literal, only when exact at the column's scale. */
function decimalLiteral(scale: number, literal: Literal): bigint | undefined {
  if (typeof literal === 'bigint') return literal * 10n ** BigInt(scale);
  if (typeof literal !== 'number' || !Number.isFinite(literal)) return undefined;
  const text = literal.toFixed(scale);
  if (Number(text) !== literal) return undefined;
  return BigInt(text.replace('.', ''));
}
