import { quoteIdentifier as q, quoteLiteral } from '@fti/feature-store';
import { FEATURE_DATE_COLUMN } from '../definition/resolve-source.js';
import type { RowExpectation } from './expectation.js';

/**
 * The SQL condition that is TRUE exactly on the rows violating a row-level expectation (never NULL). Nulls
 * fail only `notNull`; `uniqueKey` marks every row of a repeated (entity key, feature date) with a window.
 */
export function rowViolationSql(expectation: RowExpectation, entityKey: string): string {
  switch (expectation.kind) {
    case 'notNull':
      return `${q(expectation.column)} IS NULL`;
    case 'range': {
      const c = q(expectation.column);
      const parts: string[] = [];
      if (expectation.min !== undefined) parts.push(`${c} < ${numberLiteral(expectation.min)}`);
      if (expectation.max !== undefined) parts.push(`${c} > ${numberLiteral(expectation.max)}`);
      return `coalesce(${parts.join(' OR ')}, FALSE)`;
    }
    case 'allowedValues': {
      const values = expectation.values.map((v) =>
        typeof v === 'string'
          ? quoteLiteral(v)
          : typeof v === 'boolean'
            ? String(v).toUpperCase()
            : numberLiteral(v),
      );
      return `coalesce(${q(expectation.column)} NOT IN (${values.join(', ')}), FALSE)`;
    }
    case 'uniqueKey':
      return `count(*) OVER (PARTITION BY ${q(entityKey)}, ${q(FEATURE_DATE_COLUMN)}) > 1`;
  }
}

function numberLiteral(value: number): string {
  return Number.isInteger(value) ? `${value}` : `CAST(${value} AS DOUBLE)`;
}
