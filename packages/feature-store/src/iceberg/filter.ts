/** A literal compared against a column in a {@link Filter}. Dates and timestamps are `Date` (UTC). */
export type Literal = number | bigint | string | boolean | Date;

/** A comparison of one column against literals, or a null check. */
export type Predicate =
  | { column: string; op: '=' | '!=' | '<' | '<=' | '>' | '>='; value: Literal }
  | { column: string; op: 'in'; values: Literal[] }
  | { column: string; op: 'isNull' | 'notNull' };

/**
 * A row filter: serialisable data, rendered to SQL for the engine and used to prune data files by
 * partition values and column min/max before any file is opened.
 */
export type Filter = Predicate | { and: Filter[] } | { or: Filter[] } | { not: Filter };
