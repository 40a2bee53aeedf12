import { z } from 'zod';
import { StoreLocationSchema } from './store-location.js';

/** An `s3://bucket/prefix/` URI (Athena results and UNLOAD locations). */
const S3UriSchema = z.string().regex(/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/, {
  message: 'must be an s3://bucket/prefix/ URI',
});

/** How to reach AWS. Credentials always come from the AWS SDK's default chain (env, profile, role). */
export const AwsSettingsSchema = z.strictObject({
  /** AWS region; default the SDK's (AWS_REGION, profile). */
  region: z.string().min(1).optional(),
  /** A custom endpoint for every client (moto, LocalStack, MinIO); S3 then uses path-style addressing. */
  endpoint: z.url().optional(),
});
/** How to reach AWS. */
export type AwsSettings = z.output<typeof AwsSettingsSchema>;

/** Where Athena runs the feature SQL and puts its results. */
export const AthenaSettingsSchema = z.strictObject({
  /** Workgroup; default `primary`. */
  workgroup: z.string().min(1).optional(),
  /** Query results location; default `<warehouse>/_athena/results/`. */
  outputLocation: S3UriSchema.optional(),
  /** Prefix under which each UNLOAD writes its Parquet; default `<warehouse>/_athena/unload/`. */
  unloadLocation: S3UriSchema.optional(),
  /** Database of unqualified table names; default none (qualify names in the SQL). */
  database: z.string().min(1).optional(),
  /** Data catalog; default `AwsDataCatalog` (Glue). */
  catalog: z.string().min(1).optional(),
});
/** Athena settings as written. */
export type AthenaSettings = z.output<typeof AthenaSettingsSchema>;

/** The feature job's older S3 form, `{ kind: s3, bucket, prefix, region, endpoint, catalog }`, still accepted. */
const LegacyS3WarehouseSchema = z
  .strictObject({
    kind: z.literal('s3'),
    bucket: z.string().min(1),
    prefix: z.string().optional(),
    region: z.string().min(1).optional(),
    endpoint: z.url().optional(),
    catalog: z.enum(['folder', 'glue']).optional(),
  })
  .transform(({ bucket, prefix, region, endpoint, catalog }) => ({
    kind: 's3' as const,
    bucket,
    prefix: (prefix ?? '').replace(/^\/+|\/+$/g, ''),
    /** What the older form carried beside the location; the top-level fields override it. */
    legacy: {
      ...(catalog ? { catalog } : {}),
      aws: { ...(region ? { region } : {}), ...(endpoint ? { endpoint } : {}) },
    },
  }));

/** `duckdb`, `athena`, or an engine object whose `kind` is one of them (the feature job's `{ kind, relation }`). */
const EngineKindSchema = z.preprocess(
  (value) =>
    typeof value === 'object' && value !== null && 'kind' in value
      ? (value as { kind: unknown }).kind
      : value,
  z.enum(['duckdb', 'athena']),
);

/**
 * The storage fields every job config (feature, training, inference, monitoring, serving) may carry, all
 * optional: the same six fields move any job from local folders to AWS.
 *
 * ```yaml
 * warehouse: s3://my-lake/fti          # or ./.fti/warehouse (relative to the file)
 * catalog: glue                        # or folder (default)
 * engine: athena                       # or duckdb (default)
 * athena: { workgroup: primary, outputLocation: s3://my-lake/athena/ }
 * registry: s3://my-lake/fti-registry  # or ./.fti/registry
 * aws: { region: eu-west-1 }           # endpoint: http://localhost:5000 for moto or LocalStack
 * ```
 */
export const StorageConfigSchema = z.strictObject({
  /** The feature store's warehouse; default `.fti/warehouse`. */
  warehouse: z.union([StoreLocationSchema, LegacyS3WarehouseSchema]).optional(),
  /** Which catalog tracks the tables: version-hint files beside them (`folder`, default) or AWS Glue. */
  catalog: z.enum(['folder', 'glue']).optional(),
  /** Which engine runs feature SQL; default `duckdb` (embedded). */
  engine: EngineKindSchema.optional(),
  athena: AthenaSettingsSchema.optional(),
  /** The model registry; default `.fti/registry`. */
  registry: StoreLocationSchema.optional(),
  aws: AwsSettingsSchema.optional(),
});
/** Storage fields as written in one file (or on the command line). */
export type StorageConfigInput = z.input<typeof StorageConfigSchema>;

/** The top-level keys {@link StorageConfigSchema} owns in a job config. */
export const STORAGE_KEYS = ['warehouse', 'catalog', 'engine', 'athena', 'registry', 'aws'] as const;
