import { z } from 'zod';
import { ExprSchema } from './expression.js';
import { NameSchema } from './name-schema.js';

const columnTypes = ['int', 'long', 'double', 'string', 'boolean', 'date', 'timestamp'] as const;

/** Type of a source column, in the feature store's type names (`int` = INTEGER, `long` = BIGINT). */
export const ColumnTypeSchema = z.enum(columnTypes, {
  error: (issue) =>
    `unknown column type ${JSON.stringify(issue.input)}; use one of ${columnTypes.join(', ')}`,
});
/** Type of a source column. */
export type ColumnType = z.infer<typeof ColumnTypeSchema>;

/** How many days back a window reaches: `N` covers the N calendar days before the feature date. */
export const WindowDaysSchema = z.number().int().positive().max(36_600);

/**
 * The event relation features are computed from: which column is the entity key, which the event time, the
 * columns expressions may use (with their types), and named row-level values derived from them.
 */
export const SourceSchema = z.strictObject({
  /** Column holding the entity key (e.g. `CustomerID`); rows where it is null are ignored. */
  entityKey: z.string().min(1),
  /** Column holding the event time, a `timestamp` (no time zone) or `date`; rows where it is null are ignored. */
  eventTime: z.string().min(1),
  /** Every source column an expression may reference, with its type; must include entityKey and eventTime. */
  columns: z.record(z.string().min(1), ColumnTypeSchema),
  /** Named row-level values (e.g. `revenue = Quantity * UnitPrice`), usable like columns. Default none. */
  values: z.record(NameSchema, ExprSchema).default({}),
  /** Rows failing this condition are invisible to every feature and to the population. Default keep all. */
  filter: ExprSchema.optional(),
});
/** A source as written (defaults optional). */
export type SourceInput = z.input<typeof SourceSchema>;
/** A parsed source. */
export type Source = z.output<typeof SourceSchema>;

/** Which entities get a row for a feature date. */
export const EntitySchema = z.strictObject({
  /** Output name of the entity key column (e.g. `customer_id`). */
  name: NameSchema,
  /**
   * Entities with at least one source event in the `activeWithinDays` days before the feature date get a
   * row; default: every entity with any event before the feature date (which scans the whole history).
   */
  activeWithinDays: WindowDaysSchema.optional(),
});
/** The entity (population) of a definition. */
export type Entity = z.infer<typeof EntitySchema>;
