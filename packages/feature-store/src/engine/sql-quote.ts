import { InvalidInputError } from '../errors.js';

/** A value {@link quoteLiteral} can render. `Date` renders as a UTC `TIMESTAMP`; `Uint8Array` as a `BLOB`. */
export type SqlValue = string | number | bigint | boolean | Date | Uint8Array | null;

/**
 * Quotes an SQL identifier (column, table or alias name) for DuckDB: wraps it in double quotes and doubles any
 * double quote inside, so every name (spaces, keywords, quotes) is safe. Every identifier in generated SQL
 * goes through here.
 */
export function quoteIdentifier(name: string): string {
  if (name.includes('\0'))
    throw new InvalidInputError(`identifier \`${name}\` contains a NUL character`, name);
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Renders a JS value as a DuckDB SQL literal: strings single-quoted with quotes doubled (a string holding
 * NUL as a constant expression of its parts and `chr(0)`), numbers as
 * integers or exact `'…'::DOUBLE` casts (`'NaN'`/`'Infinity'` included), bigints as integers, `Date` as a UTC `TIMESTAMP` with
 * microseconds, bytes as a `BLOB` from hex. Every literal in generated SQL goes through here.
 */
export function quoteLiteral(value: SqlValue): string {
  if (value === null) return 'NULL';
  switch (typeof value) {
    case 'string': {
      const quoted = (text: string) => `'${text.replaceAll("'", "''")}'`;
      if (!value.includes('\0')) return quoted(value);
      // DuckDB strings may hold NUL, which no SQL literal can: the value is its parts joined by chr(0).
      return `(${value.split('\0').map(quoted).join(' || chr(0) || ')})`;
    }
    case 'bigint':
      return value.toString();
    case 'boolean':
      return value ? 'TRUE' : 'FALSE';
    case 'number':
      if (Number.isNaN(value)) return "'NaN'::DOUBLE";
      if (!Number.isFinite(value)) return value > 0 ? "'Infinity'::DOUBLE" : "'-Infinity'::DOUBLE";
      // -0 is an integer to JS but String(-0) is '0': keep its sign as a DOUBLE.
      if (Object.is(value, -0)) return "'-0.0'::DOUBLE";
      if (Number.isInteger(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER) return String(value);
      // Via a string: DuckDB reads a bare 0.000123 as a DECIMAL first, and DECIMAL → DOUBLE may round off.
      return `'${String(value)}'::DOUBLE`;
  }
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw new InvalidInputError('an invalid Date cannot be used as a literal');
    return `make_timestamp(${BigInt(ms) * 1000n})`;
  }
  return `from_hex('${Buffer.from(value).toString('hex')}')`;
}
