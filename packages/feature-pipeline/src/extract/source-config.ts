import { z } from 'zod';
import { NameSchema } from '../definition/name-schema.js';
import { ColumnTypeSchema } from '../definition/source.js';

/** A local path or an `s3://bucket/key` URI; `*`, `**`, `?`, `[abc]` and `{a,b}` globs allowed. */
const PathSchema = z.string().min(1, 'give a file path, a glob or an s3:// URI');

/** Parquet files, local or on S3. */
export const ParquetSourceSchema = z.strictObject({
  kind: z.literal('parquet'),
  /** Name of the view the source becomes in the warehouse's DuckDB (lowercase snake_case). */
  name: NameSchema,
  path: PathSchema,
  /** Only these columns (each must exist in every file); default: all. */
  columns: z.array(z.string().min(1)).min(1).optional(),
});

/** CSV files with a header line, local or on S3, read with explicit column types. */
export const CsvSourceSchema = z.strictObject({
  kind: z.literal('csv'),
  name: NameSchema,
  path: PathSchema,
  /** The columns to read and their types; each must be in the header (other header columns are ignored). */
  columns: z.record(z.string().min(1), ColumnTypeSchema).refine((c) => Object.keys(c).length > 0, {
    message: 'declare at least one column',
  }),
  /** strftime format of `timestamp` columns, e.g. `%d/%m/%Y %H:%M`; default ISO 8601. */
  timestampFormat: z.string().min(1).optional(),
  /** strftime format of `date` columns, e.g. `%d/%m/%Y`; default ISO 8601. */
  dateFormat: z.string().min(1).optional(),
  /** Field separator; default `,`. */
  delimiter: z.string().length(1).default(','),
  /** Quote character; default `"`. */
  quote: z.string().length(1).default('"'),
  /** Text read as NULL; default the empty string. */
  nullString: z.string().default(''),
  /** How many rejected lines to keep as a sample; default 20. */
  rejectSampleSize: z.number().int().nonnegative().default(20),
});

/** A feature-store table, current or as of a snapshot id or time. */
export const TableSourceSchema = z
  .strictObject({
    kind: z.literal('table'),
    name: NameSchema,
    namespace: z.string().min(1),
    table: z.string().min(1),
    /** Read this snapshot (decimal id); default: the current one. */
    snapshotId: z
      .union([z.string().regex(/^\d+$/, 'must be a decimal snapshot id'), z.number().int().nonnegative()])
      .transform((id) => BigInt(id))
      .optional(),
    /** Read the latest snapshot at or before this time (ISO 8601 or epoch ms); default: the current one. */
    asOf: z.union([z.iso.datetime({ offset: true }), z.iso.date(), z.number().int()]).optional(),
    /** Only these columns; default: all. */
    columns: z.array(z.string().min(1)).min(1).optional(),
  })
  .refine((s) => s.snapshotId === undefined || s.asOf === undefined, {
    message: 'give `snapshotId` or `asOf`, not both',
  });

/** A query on the embedded DuckDB (over earlier sources' views, files, …). */
export const SqlSourceSchema = z.strictObject({
  kind: z.literal('sql'),
  name: NameSchema,
  sql: z.string().min(1),
});

/** An Athena query; its result is unloaded to Parquet on S3 and read from there. */
export const AthenaSourceSchema = z.strictObject({
  kind: z.literal('athena'),
  name: NameSchema,
  /** A SELECT in Athena's (Trino) SQL. */
  sql: z.string().min(1),
  /** Time limit, ms; default the engine's. */
  timeoutMs: z.number().int().positive().optional(),
});

/** One source of a feature pipeline, as declared in config. */
export const ExtractSourceSchema = z.discriminatedUnion('kind', [
  ParquetSourceSchema,
  CsvSourceSchema,
  TableSourceSchema,
  SqlSourceSchema,
  AthenaSourceSchema,
]);

/** A source as written in config (defaults optional). */
export type ExtractSourceInput = z.input<typeof ExtractSourceSchema>;
/** A parsed source. */
export type ExtractSource = z.output<typeof ExtractSourceSchema>;
export type ParquetSource = z.output<typeof ParquetSourceSchema>;
export type CsvSource = z.output<typeof CsvSourceSchema>;
export type TableSource = z.output<typeof TableSourceSchema>;
export type SqlSource = z.output<typeof SqlSourceSchema>;
export type AthenaSource = z.output<typeof AthenaSourceSchema>;
