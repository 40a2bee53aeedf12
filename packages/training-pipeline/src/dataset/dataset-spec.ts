import { z } from 'zod';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'give an ISO date YYYY-MM-DD');
const Identifier = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'give a plain identifier (letters, digits, _)');
const SnapshotId = z.union([z.string().regex(/^\d+$/), z.bigint()]).transform((id) => String(id));

/** A table of the feature store: `{ namespace, name }`. */
export const TableRefSchema = z.strictObject({ namespace: Identifier, name: Identifier });
/** A table of the feature store. */
export type TableRef = z.infer<typeof TableRefSchema>;

/**
 * The spine: which (entity, time) rows to train on and their label. Read from a table of the feature store
 * (a label table) at a pinned snapshot, or from any DuckDB relation (tests, ad-hoc spines).
 */
export const SpineSpecSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('table'),
    table: TableRefSchema,
    /** Snapshot to read; default the table's current one (recorded either way). */
    snapshotId: SnapshotId.optional(),
    /** Entity key columns, e.g. `['customer_id']`. */
    keys: z.array(Identifier).min(1),
    /** The row's point in time (DATE or TIMESTAMP), e.g. `feature_date`. */
    timestampColumn: Identifier,
    /** The binary label column (BOOLEAN or 0/1). */
    label: Identifier,
    /** Keep rows at or after this date (default all). */
    from: IsoDate.optional(),
    /** Keep rows at or before this date (default all): e.g. the last date whose label horizon is complete. */
    to: IsoDate.optional(),
  }),
  z.strictObject({
    kind: z.literal('relation'),
    /** A DuckDB table expression on the warehouse's engine: `(SELECT ...)`, `read_parquet('spine.parquet')`. */
    relation: z.string().min(1),
    /** Name recorded in the lineage. */
    name: z.string().min(1),
    keys: z.array(Identifier).min(1),
    timestampColumn: Identifier,
    label: Identifier,
    from: IsoDate.optional(),
    to: IsoDate.optional(),
  }),
]);
/** The spine of a training set. */
export type SpineSpec = z.infer<typeof SpineSpecSchema>;

/** Features of one feature view table, read at a pinned snapshot. */
export const FeatureRefSpecSchema = z.strictObject({
  table: TableRefSchema,
  /** Feature names, in the order the columns should appear. */
  features: z.array(Identifier).min(1),
  /** Snapshot to read; default the table's current one (recorded either way). */
  snapshotId: SnapshotId.optional(),
});
/** Features of one feature view table. */
export type FeatureRefSpec = z.infer<typeof FeatureRefSpecSchema>;

/** A training set, declared: a spine plus feature references, joined point-in-time. */
export const DatasetSpecSchema = z.strictObject({
  spine: SpineSpecSchema,
  features: z.array(FeatureRefSpecSchema).min(1, 'reference at least one feature view'),
});
/** A training set, declared. */
export type DatasetSpec = z.infer<typeof DatasetSpecSchema>;
/** A dataset spec as written by a user (snapshot ids may be bigint). */
export type DatasetSpecInput = z.input<typeof DatasetSpecSchema>;
