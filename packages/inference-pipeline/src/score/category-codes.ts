import { quoteIdentifier, quoteLiteral } from '@fti/feature-store';

/** Known values past which a string column is read as strings: a list lookup per row costs more. */
const MAX_KNOWN = 64;

/** How a string column feeding one-hot features is read as codes: the SQL, and the value of each code. */
export interface CategoryCodes {
  /** `INTEGER` code of the column's value, named after the column. */
  sql: string;
  /** The value each code stands for: `null`, the known values, then one value the model has never seen. */
  values: (string | null)[];
}

/**
 * Reads a string column as small integer codes instead of strings (DuckDB looks each value up in the known
 * list, JS copies one Int32 buffer): code 0 is null, 1..n the known values, n + 1 any other value, which
 * stands for all of them by one string outside the list (one-hot encoding sends every unseen value to the
 * same slot). `undefined` when there are too many known values for a list lookup to pay.
 * @param known The categories (and infrequent ones) of the column's one-hot features.
 */
export function categoryCodes(column: string, known: readonly (string | null)[]): CategoryCodes | undefined {
  const strings = [...new Set(known.filter((v): v is string => v !== null))];
  if (strings.length > MAX_KNOWN) return undefined;
  let unseen = '\u0000unseen';
  while (strings.includes(unseen)) unseen += '\u0000';
  const c = quoteIdentifier(column);
  const list = `CAST([${strings.map((v) => quoteLiteral(v)).join(', ')}] AS VARCHAR[])`;
  return {
    sql: `CAST(CASE WHEN ${c} IS NULL THEN 0 ELSE coalesce(list_position(${list}, ${c}), ${strings.length + 1}) END AS INTEGER) AS ${c}`,
    values: [null, ...strings, unseen],
  };
}
